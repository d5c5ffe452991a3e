package org.civicgraph.contracts.contract;

record ContractFilter(String strategyId, String ownerOrganisation, String providerOrganisationId, String providerNameContains,
                      ProviderResolution providerResolution, TermKind termKind, Boolean flaggedForReview) {

    static final ContractFilter NONE = new ContractFilter(null, null, null, null, null, null, null);
}
