package org.civicgraph.plans.progress;

/** Whether an update is public. On a plan that requires approval it is a draft until an admin of the owner publishes it. */
public enum UpdateState {
    /** Shown only to signed-in users of the plan's owner, and counted in their reports only. */
    DRAFT,
    PUBLISHED
}
