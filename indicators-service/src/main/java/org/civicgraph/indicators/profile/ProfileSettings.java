package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.comparison.ComparisonMethod;
import org.civicgraph.indicators.comparison.Comparisons;

import java.util.List;

/**
 * How a profile compares: with a benchmark area (England unless told) or, for the group methods, within a group
 * of areas (the area and its siblings unless the codes, or a comparator group, are given).
 *
 * @param groupName what results name the group by: a comparator group's name, or null for codes given one by one
 */
record ProfileSettings(String benchmark, ComparisonMethod method, double tolerancePercent, List<String> group, String groupName) {

    static final String ENGLAND = "E92000001";

    static ProfileSettings of(String benchmark, ComparisonMethod method, Double tolerancePercent, List<String> group) {
        return of(benchmark, method, tolerancePercent, group, null);
    }

    static ProfileSettings of(String benchmark, ComparisonMethod method, Double tolerancePercent, List<String> group, String groupName) {
        return new ProfileSettings(benchmark == null ? ENGLAND : benchmark, method == null ? ComparisonMethod.TOLERANCE_BAND : method,
                tolerancePercent == null ? Comparisons.DEFAULT_TOLERANCE_PERCENT : tolerancePercent,
                group == null || group.isEmpty() ? null : List.copyOf(group), group == null || group.isEmpty() ? null : groupName);
    }
}
