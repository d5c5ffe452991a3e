package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.comparison.Comparison;
import org.civicgraph.indicators.indicator.Indicator;
import org.civicgraph.indicators.series.PublishedValue;
import org.civicgraph.indicators.series.Target;
import org.civicgraph.indicators.trend.Trend;

/** One indicator in an area's profile: its latest value, how that compares, how it is moving, and its latest target. */
record ProfileEntry(Indicator indicator, PublishedValue latest, Comparison comparison, Trend trend, Target target) {
}
