package org.civicgraph.indicators.comparison;

import org.civicgraph.indicators.indicator.Polarity;

/** Similar within a band of a given percentage either side of the benchmark's value. */
final class ToleranceBand {

    private ToleranceBand() {
    }

    static Comparison compare(double tolerancePercent, Polarity polarity, double value, Benchmark benchmark) {
        double difference = value - benchmark.value();
        double band = Math.abs(benchmark.value()) * tolerancePercent / 100;
        Direction direction = Math.abs(difference) <= band ? Direction.SIMILAR : difference > 0 ? Direction.HIGHER : Direction.LOWER;
        Double relative = benchmark.value() == 0 ? null : difference / Math.abs(benchmark.value()) * 100;
        return new Comparison(ComparisonMethod.TOLERANCE_BAND, benchmark.name(), benchmark.value(), direction.judged(polarity), relative, null);
    }
}
