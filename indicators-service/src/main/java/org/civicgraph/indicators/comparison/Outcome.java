package org.civicgraph.indicators.comparison;

/** Better, similar or worse when the indicator has a polarity; higher, similar or lower when it has none. */
public enum Outcome {
    BETTER, SIMILAR, WORSE, HIGHER, LOWER, NOT_COMPARED
}
