package org.civicgraph.indicators.trend;

/**
 * How an indicator has moved over its comparable periods (the most recent five at most).
 *
 * @param points       how many comparable periods were used
 * @param direction    the sign of the least-squares slope over those periods; null with fewer than two
 * @param assessment   the direction judged by polarity; null with fewer than two periods
 * @param significance whether the movement over the last five periods is significant at the 99.8% level
 * @param statistic    the test's chi-square statistic (1 degree of freedom), when tested
 * @param pValue       the probability of a statistic so large without a trend, when tested
 * @param reason       why the significance cannot be calculated, or null
 */
public record Trend(int points, TrendDirection direction, TrendAssessment assessment, TrendSignificance significance,
                    TrendTest test, Double statistic, Double pValue, String reason) {

    /** Whether the indicator is getting worse, significantly or not. */
    public boolean gettingWorse() {
        return assessment == TrendAssessment.GETTING_WORSE;
    }
}
