package org.civicgraph.indicators.targets;

/** How a period's value stands against its target, in the words of the county's performance reports (seed 002). */
public enum TargetVerdict {
    ACHIEVED,
    NOT_ACHIEVED,
    /** Not achieved, but better than the period before: "improving but not achieved". */
    IMPROVING;

    /** Whether the target was missed, improving or not. */
    public boolean isMissed() {
        return this != ACHIEVED;
    }
}
