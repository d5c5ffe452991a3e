package org.civicgraph.indicators.comparison;

import org.civicgraph.indicators.indicator.Polarity;

/** Where a value lies against its benchmark, before the polarity says whether that is good. */
enum Direction {
    HIGHER, SIMILAR, LOWER;

    Outcome judged(Polarity polarity) {
        if (this == SIMILAR) {
            return Outcome.SIMILAR;
        }
        return switch (polarity) {
            case HIGHER_IS_GOOD -> this == HIGHER ? Outcome.BETTER : Outcome.WORSE;
            case LOWER_IS_GOOD -> this == HIGHER ? Outcome.WORSE : Outcome.BETTER;
            case NO_JUDGEMENT -> this == HIGHER ? Outcome.HIGHER : Outcome.LOWER;
        };
    }
}
