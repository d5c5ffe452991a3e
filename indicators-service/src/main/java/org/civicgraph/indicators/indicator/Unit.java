package org.civicgraph.indicators.indicator;

/** What an indicator's values count or measure. */
public enum Unit {
    PERCENTAGE, POUNDS, MINUTES, DAYS, COUNT, RATE_PER_1000, RATE_PER_10000, RATE_PER_100000, RATING_0_10
}
