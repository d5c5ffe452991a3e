package org.civicgraph.indicators.indicator;

/**
 * An indicator's polarity was changed and saved: its comparisons, trends and targets must be judged again. Published
 * in the process after the save. Judging again is idempotent: if the process stops before it ends, the next change
 * of the polarity or of the benchmark's value judges every series again.
 */
public record PolarityChanged(Indicator indicator) {
}
