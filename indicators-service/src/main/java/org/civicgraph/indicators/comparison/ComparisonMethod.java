package org.civicgraph.indicators.comparison;

/** How an area's value is judged against a benchmark area or a comparator group. */
public enum ComparisonMethod {
    /** Similar when within a tolerance (a percentage of the benchmark's value) of the benchmark area's value. */
    TOLERANCE_BAND(false),
    /** Fingertips: similar when the area's 95% confidence interval contains the benchmark area's value. */
    CI_OVERLAP_95(false),
    /** Fingertips: the same with the 99.8% confidence interval. */
    CI_OVERLAP_99_8(false),
    /** The area's quintile among the group's values: the lowest two lower, the middle one similar, the top two higher. */
    QUINTILES(true),
    /** ONS explorer: (value - median) / (1.4826 x MAD) of the group; beyond plus or minus 1 is notable. */
    ROBUST_Z_SCORE(true);

    private final boolean againstGroup;

    ComparisonMethod(boolean againstGroup) {
        this.againstGroup = againstGroup;
    }

    /** Whether the method judges an area among a group of areas rather than against one benchmark area. */
    public boolean againstGroup() {
        return againstGroup;
    }
}
