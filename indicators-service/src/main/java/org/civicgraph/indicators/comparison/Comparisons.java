package org.civicgraph.indicators.comparison;

import org.civicgraph.indicators.indicator.Polarity;

/** Judges a value against a benchmark by a named method; missing data gives NOT_COMPARED with the reason. */
public final class Comparisons {

    /** The tolerance band's width when none is given: 5% of the benchmark's value either side. */
    public static final double DEFAULT_TOLERANCE_PERCENT = 5;

    private Comparisons() {
    }

    public static Comparison compare(ComparisonMethod method, double tolerancePercent, Polarity polarity, Subject subject, Benchmark benchmark) {
        if (subject.value() == null) {
            String why = subject.unavailableReason() == null ? "The area has no value" : "The value is unavailable: " + subject.unavailableReason();
            return Comparison.notCompared(method, benchmark.name(), benchmark.value(), why);
        }
        if (!method.againstGroup() && benchmark.value() == null) {
            return Comparison.notCompared(method, benchmark.name(), null, "The benchmark " + benchmark.name() + " has no value for the period");
        }
        return switch (method) {
            case TOLERANCE_BAND -> ToleranceBand.compare(tolerancePercent, polarity, subject.value(), benchmark);
            case CI_OVERLAP_95, CI_OVERLAP_99_8 -> ConfidenceIntervalOverlap.compare(method, polarity, subject, benchmark);
            case QUINTILES -> Quintiles.compare(polarity, subject.value(), benchmark);
            case ROBUST_Z_SCORE -> RobustZScore.compare(polarity, subject.value(), benchmark);
        };
    }
}
