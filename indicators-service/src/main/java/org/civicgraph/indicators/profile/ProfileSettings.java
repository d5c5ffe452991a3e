package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.comparison.ComparisonMethod;
import org.civicgraph.indicators.comparison.Comparisons;

import java.util.List;

/**
 * How a profile compares: with a benchmark area (England unless told) or, for the group methods, within a group
 * of areas (the area and its siblings unless the codes are given).
 */
record ProfileSettings(String benchmark, ComparisonMethod method, double tolerancePercent, List<String> group) {

    static final String ENGLAND = "E92000001";

    static ProfileSettings of(String benchmark, ComparisonMethod method, Double tolerancePercent, List<String> group) {
        return new ProfileSettings(benchmark == null ? ENGLAND : benchmark, method == null ? ComparisonMethod.TOLERANCE_BAND : method,
                tolerancePercent == null ? Comparisons.DEFAULT_TOLERANCE_PERCENT : tolerancePercent,
                group == null || group.isEmpty() ? null : List.copyOf(group));
    }
}
