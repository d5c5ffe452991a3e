package org.civicgraph.indicators.trend;

public enum TrendDirection {
    INCREASING, DECREASING, NO_CHANGE
}
