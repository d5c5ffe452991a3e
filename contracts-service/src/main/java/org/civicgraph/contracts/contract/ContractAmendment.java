package org.civicgraph.contracts.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * A formal change to a contract, kept as OCDS keeps amendments: when, why and what changed.
 *
 * @param id the amendment's number within the contract, from "1"
 */
public record ContractAmendment(String id, LocalDate date, String rationale, String description, List<AmendedField> changes,
                                String amendedBy) {

    /** A field the amendment changed, with its value before and after, written as text. */
    public record AmendedField(String field, String oldValue, String newValue) {
    }
}
