package org.civicgraph.contracts.contract;

import java.math.BigDecimal;
import java.util.List;

/** A new contract once its input has been checked and its term and review interpreted. */
record ContractDraft(String id, String strategyId, String ownerOrganisation, int position, String service,
                     String providerName, List<String> providerOrganisationIds, ProviderResolution providerResolution,
                     BigDecimal value, ContractTerm term, ContractReview review, Boolean kpis, Integer kpiCount,
                     String performance, List<PerformanceRating> ratings, PaymentTerms paymentTerms,
                     Boolean performanceDriven, Boolean volumeSensitive, Boolean politicallySensitive,
                     String commercialNotes, List<String> areas, boolean procuredUnderProcurementAct2023) {
}
