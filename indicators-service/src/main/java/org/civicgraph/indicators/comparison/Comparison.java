package org.civicgraph.indicators.comparison;

/**
 * The result of judging a value: by which method, against which benchmark and its value (for a group, the group's
 * median), the outcome, and the method's own figure where it has one.
 *
 * @param score  the relative difference in percent (tolerance band), the quintile 1-5 (quintiles), the robust z-score,
 *               or null (confidence intervals)
 * @param reason why the value was not compared, or null
 */
public record Comparison(ComparisonMethod method, String benchmark, Double benchmarkValue, Outcome outcome, Double score, String reason) {

    static Comparison notCompared(ComparisonMethod method, String benchmark, Double benchmarkValue, String reason) {
        return new Comparison(method, benchmark, benchmarkValue, Outcome.NOT_COMPARED, null, reason);
    }
}
