package org.civicgraph.indicators.trend;

/** The direction judged by the indicator's polarity; NO_JUDGEMENT for an indicator without one. */
public enum TrendAssessment {
    GETTING_BETTER, GETTING_WORSE, NO_CHANGE, NO_JUDGEMENT
}
