package org.civicgraph.contracts.contract;

import java.util.List;

/** A formal change to a contract with its rationale; fields left out stay as they are. */
record AmendContractInput(String id, String rationale, String date, String service, String value, String startDate,
                          String endDate, String reviewDate, ReviewDecision reviewDecides, Boolean kpis, Integer kpiCount,
                          PaymentTerms paymentTerms, Boolean performanceDriven, Boolean volumeSensitive,
                          Boolean politicallySensitive, List<String> areas) {
}
