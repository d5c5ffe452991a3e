package org.civicgraph.indicators.trend;

public enum TrendSignificance {
    SIGNIFICANT, NOT_SIGNIFICANT, CANNOT_BE_CALCULATED
}
