package org.civicgraph.indicators.comparison;

import java.util.List;

final class GroupStatistics {

    private GroupStatistics() {
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Median absolute deviation from the median. */
    static double medianAbsoluteDeviation(List<Double> values) {
        double median = median(values);
        return median(values.stream().map(v -> Math.abs(v - median)).toList());
    }
}
