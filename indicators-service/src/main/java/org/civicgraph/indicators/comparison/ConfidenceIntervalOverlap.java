package org.civicgraph.indicators.comparison;

import org.civicgraph.indicators.indicator.Polarity;

/**
 * The Fingertips comparison with a benchmark: similar when the area's confidence interval contains the benchmark's
 * value, otherwise higher or lower. The benchmark's own interval is not used.
 */
final class ConfidenceIntervalOverlap {

    private ConfidenceIntervalOverlap() {
    }

    static Comparison compare(ComparisonMethod method, Polarity polarity, Subject subject, Benchmark benchmark) {
        boolean at95 = method == ComparisonMethod.CI_OVERLAP_95;
        Double lower = at95 ? subject.lower95() : subject.lower998();
        Double upper = at95 ? subject.upper95() : subject.upper998();
        if (lower == null || upper == null) {
            return Comparison.notCompared(method, benchmark.name(), benchmark.value(),
                    "The value has no " + (at95 ? "95%" : "99.8%") + " confidence interval");
        }
        double target = benchmark.value();
        Direction direction = lower > target ? Direction.HIGHER : upper < target ? Direction.LOWER : Direction.SIMILAR;
        return new Comparison(method, benchmark.name(), target, direction.judged(polarity), null, null);
    }
}
