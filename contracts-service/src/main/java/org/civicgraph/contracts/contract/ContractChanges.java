package org.civicgraph.contracts.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What an amendment changes, once checked; a null field stays as it is. */
record ContractChanges(String service, BigDecimal value, LocalDate startDate, LocalDate endDate, ContractReview review,
                       Boolean kpis, Integer kpiCount, PaymentTerms paymentTerms, Boolean performanceDriven,
                       Boolean volumeSensitive, Boolean politicallySensitive, List<String> areas) {
}
