package org.civicgraph.indicators.series;

import org.civicgraph.indicators.IndicatorsProperties.WatchedComparison;
import org.civicgraph.indicators.comparison.ComparisonMethod;
import org.civicgraph.indicators.comparison.Outcome;

/**
 * How a series' latest value stood against the watched benchmark when it was last judged: the period judged, the
 * outcome, and the comparison used (so a change of settings is not mistaken for a change of outcome).
 */
public record Standing(String periodKey, String periodLabel, Outcome outcome, ComparisonMethod method, String benchmark,
                       double tolerancePercent) {

    Standing(String periodKey, String periodLabel, Outcome outcome, WatchedComparison watched) {
        this(periodKey, periodLabel, outcome, watched.method(), watched.benchmark(), watched.tolerancePercent());
    }

    boolean judgedAs(WatchedComparison watched) {
        return method == watched.method() && benchmark.equals(watched.benchmark()) && tolerancePercent == watched.tolerancePercent();
    }
}
