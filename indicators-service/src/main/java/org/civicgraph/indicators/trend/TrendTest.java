package org.civicgraph.indicators.trend;

/** How the significance of a trend was tested, as Fingertips does for its "recent trend". */
public enum TrendTest {
    /** For proportions with a count and denominator in each period: the chi-square test for linear trend. */
    CHI_SQUARE_FOR_TREND,
    /** For other values with 95% confidence limits: a regression weighted by the inverse of each value's variance. */
    WEIGHTED_REGRESSION
}
