package org.civicgraph.plans.activity;

/** Where a milestone stands. WITHDRAWN is for one the plan no longer holds the activity to, as reports sometimes say. */
public enum MilestoneStatus {
    SCHEDULED, MET, MISSED, WITHDRAWN;

    /** Whether the milestone still counts against the activity when its date has passed. */
    public boolean isOutstanding() {
        return this == SCHEDULED || this == MISSED;
    }
}
