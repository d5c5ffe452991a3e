package org.civicgraph.indicators.comparison;

import org.civicgraph.indicators.indicator.Polarity;

/**
 * The ONS subnational explorer's comparison: how many robust standard deviations (1.4826 x the median absolute
 * deviation, which equals the standard deviation for normal data) the value lies from the group's median.
 */
final class RobustZScore {

    static final double CONSISTENCY = 1.4826;
    static final double NOTABLE = 1.0;
    static final int FEWEST_VALUES = 3;

    private RobustZScore() {
    }

    static Comparison compare(Polarity polarity, double value, Benchmark group) {
        int n = group.groupValues().size();
        if (n < FEWEST_VALUES) {
            return Comparison.notCompared(ComparisonMethod.ROBUST_Z_SCORE, group.name(), null,
                    "The group has " + n + " values; a robust z-score needs at least " + FEWEST_VALUES);
        }
        double median = GroupStatistics.median(group.groupValues());
        double mad = GroupStatistics.medianAbsoluteDeviation(group.groupValues());
        if (mad == 0) {
            return Comparison.notCompared(ComparisonMethod.ROBUST_Z_SCORE, group.name(), median,
                    "Most of the group has the same value, so there is no spread to measure against");
        }
        double z = (value - median) / (CONSISTENCY * mad);
        Direction direction = z > NOTABLE ? Direction.HIGHER : z < -NOTABLE ? Direction.LOWER : Direction.SIMILAR;
        return new Comparison(ComparisonMethod.ROBUST_Z_SCORE, group.name(), median, direction.judged(polarity), z, null);
    }
}
