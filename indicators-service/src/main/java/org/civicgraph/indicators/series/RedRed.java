package org.civicgraph.indicators.series;

/**
 * Whether a series is "red-red" against the watched benchmark: its latest value worse than the benchmark's and its
 * trend getting worse, significantly or not. Kept with the series and listed per area ({@link AreaCoverage}), so
 * the red-red query over every area reads the few series it lists rather than all of them.
 */
public enum RedRed {
    GETTING_WORSE,
    SIGNIFICANTLY_WORSE
}
