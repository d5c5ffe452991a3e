package org.civicgraph.indicators.series;

/** What publishing a value did to its series. */
enum PublishOutcome {
    /** The period had no value before. */
    PUBLISHED,
    /** The period's value changed; the one before is kept as a revision. */
    REVISED,
    /** The same figures were published again; nothing changed and nothing was announced. */
    UNCHANGED
}
