package org.civicgraph.indicators.trend;

import org.civicgraph.indicators.period.Period;

/** One period's figures as a trend needs them; a missing value is left out of the trend. */
public record TrendPoint(Period period, Double value, Double count, Double denominator, Double lower95, Double upper95) {
}
