package org.civicgraph.plans.plan;

public enum PlanKind {
    CORPORATE_PLAN, STRATEGY, STRATEGIC_PLAN
}
