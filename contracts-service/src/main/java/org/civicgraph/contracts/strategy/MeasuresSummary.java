package org.civicgraph.contracts.strategy;

/**
 * How a strategy's success is measured, as the highlight report counts it: how many measures, how many of them
 * have targets (the rest are only measured) and how the targeted ones are doing. Any count may be missing.
 */
public record MeasuresSummary(Integer count, Integer targeted, Integer measuredOnly, Integer achieving,
                              Integer notAchieving, Integer improvingNotAchieving) {
}
