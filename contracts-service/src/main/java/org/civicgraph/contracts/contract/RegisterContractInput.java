package org.civicgraph.contracts.contract;

import java.util.List;

/**
 * A key contract as a highlight report lists it. Words are given as written (term, review date, performance); value
 * and dates as text so that a malformed one gets an error naming it. The provider's organisations are given only
 * when someone has matched the name; otherwise the provider stays unresolved.
 */
record RegisterContractInput(String id, String strategyId, Integer position, String service, String provider,
                             List<String> providerOrganisationIds, ProviderResolution providerResolution, String value,
                             String term, String startDate, String reviewDate, ReviewDecision reviewDecides, Boolean kpis,
                             Integer kpiCount, String performance, List<RatingInput> ratingHistory, PaymentTerms paymentTerms,
                             Boolean performanceDriven, Boolean volumeSensitive, Boolean politicallySensitive,
                             String commercialNotes, List<String> areas, Boolean procuredUnderProcurementAct2023) {

    RegisterContractInput withProviderOrganisations(List<String> organisationIds, ProviderResolution resolution) {
        return new RegisterContractInput(id, strategyId, position, service, provider, organisationIds, resolution, value, term,
                startDate, reviewDate, reviewDecides, kpis, kpiCount, performance, ratingHistory, paymentTerms, performanceDriven,
                volumeSensitive, politicallySensitive, commercialNotes, areas, procuredUnderProcurementAct2023);
    }

    /** A rating the report gives; scale and rating as names (GOOD, PROCUREMENT_ACT_2023), dates ISO. */
    record RatingInput(String scale, String rating, String ratedOn, String asWritten, String correctiveMeasures) {
    }
}
