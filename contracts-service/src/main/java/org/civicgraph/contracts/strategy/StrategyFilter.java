package org.civicgraph.contracts.strategy;

record StrategyFilter(String ownerOrganisation, CommissioningStage stage, String providerNameContains) {

    static final StrategyFilter NONE = new StrategyFilter(null, null, null);
}
