package org.civicgraph.plans.plan;

/** Who may read a plan: anyone, or only signed-in users of any organisation. */
public enum Visibility {
    PUBLIC, INTERNAL
}
