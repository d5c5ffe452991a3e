package org.civicgraph.indicators.comparison;

import org.civicgraph.indicators.indicator.Polarity;

/**
 * The area's quintile within its group by mid-rank: the share of the group's values below it, ties counted half,
 * so that a group of seven splits 3-1-3 rather than leaning to one end. Quintiles 1-2 are lower, 3 similar, 4-5 higher.
 */
final class Quintiles {

    static final int FEWEST_VALUES = 5;

    private Quintiles() {
    }

    static Comparison compare(Polarity polarity, double value, Benchmark group) {
        int n = group.groupValues().size();
        if (n < FEWEST_VALUES) {
            return Comparison.notCompared(ComparisonMethod.QUINTILES, group.name(), null,
                    "The group has " + n + " values; quintiles need at least " + FEWEST_VALUES);
        }
        long below = group.groupValues().stream().filter(v -> v < value).count();
        long equal = group.groupValues().stream().filter(v -> v == value).count();
        int quintile = quintile(below + equal / 2.0, n);
        Direction direction = quintile <= 2 ? Direction.LOWER : quintile == 3 ? Direction.SIMILAR : Direction.HIGHER;
        return new Comparison(ComparisonMethod.QUINTILES, group.name(), GroupStatistics.median(group.groupValues()),
                direction.judged(polarity), (double) quintile, null);
    }

    static int quintile(double rankBelow, int n) {
        return (int) Math.min(5, Math.floor(5 * rankBelow / n) + 1);
    }
}
