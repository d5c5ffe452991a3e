package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.comparison.ComparisonMethod;
import org.civicgraph.indicators.comparison.Outcome;

import java.util.List;

/** Every indicator with a value for an area, compared by one method, and which of them are positive or negative. */
record IndicatorProfile(String areaCode, String benchmark, ComparisonMethod method, List<ProfileEntry> indicators) {

    /** Indicators better than the benchmark. */
    List<ProfileEntry> positive() {
        return indicators.stream().filter(entry -> entry.comparison().outcome() == Outcome.BETTER).toList();
    }

    /** Indicators worse than the benchmark. */
    List<ProfileEntry> negative() {
        return indicators.stream().filter(entry -> entry.comparison().outcome() == Outcome.WORSE).toList();
    }
}
