package org.civicgraph.indicators.indicator;

/** Whether a higher value is better, worse, or neither (then comparisons say higher or lower, not better or worse). */
public enum Polarity {
    HIGHER_IS_GOOD, LOWER_IS_GOOD, NO_JUDGEMENT
}
