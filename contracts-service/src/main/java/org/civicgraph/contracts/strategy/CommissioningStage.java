package org.civicgraph.contracts.strategy;

/** Where a strategy stands in the commissioning cycle. */
public enum CommissioningStage {
    ANALYSE, PLAN, DO, REVIEW
}
