package org.civicgraph.indicators.trend;

import org.civicgraph.indicators.period.Period;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civicgraph.indicators.indicator.Polarity.*;

class TrendsTest {

    @Test
    void theChiSquareTestForTrendMatchesRsPropTrendTest() {
        // R: prop.trend.test(c(83, 90, 129, 70), c(86, 93, 136, 82)) gives X-squared = 8.2249
        double statistic = TrendStatistics.chiSquareForTrend(List.of(83.0, 90.0, 129.0, 70.0), List.of(86.0, 93.0, 136.0, 82.0));

        assertThat(statistic).isCloseTo(8.2249, within(1e-4));
    }

    @Test
    void fiveYearsOfProportionsWithASteadyFallAreSignificantlyGettingBetterWhenLowerIsGood() {
        // smokers of 1,000 adults: 20% 19% 18% 16% 15%
        List<TrendPoint> points = years(2017, new double[]{200, 190, 180, 160, 150}, 1000);

        Trend trend = Trends.of(points, LOWER_IS_GOOD);

        assertThat(trend.points()).isEqualTo(5);
        assertThat(trend.direction()).isEqualTo(TrendDirection.DECREASING);
        assertThat(trend.assessment()).isEqualTo(TrendAssessment.GETTING_BETTER);
        assertThat(trend.test()).isEqualTo(TrendTest.CHI_SQUARE_FOR_TREND);
        // p = 0.176, scores 1..5 mean 3, T = 200x-2 + 190x-1 + 160x1 + 150x2 = -130, V = 0.176 x 0.824 x 10,000 = 1450.24
        assertThat(trend.statistic()).isCloseTo(130.0 * 130.0 / 1450.24, within(1e-6));
        assertThat(trend.significance()).isEqualTo(TrendSignificance.SIGNIFICANT);
        assertThat(trend.pValue()).isLessThan(0.002);
    }

    @Test
    void aSmallWobbleIsNotSignificantAndTheSameFallIsWorseWhenHigherIsGood() {
        List<TrendPoint> points = years(2017, new double[]{200, 195, 198, 192, 194}, 1000);

        Trend trend = Trends.of(points, HIGHER_IS_GOOD);

        assertThat(trend.direction()).isEqualTo(TrendDirection.DECREASING);
        assertThat(trend.assessment()).isEqualTo(TrendAssessment.GETTING_WORSE);
        assertThat(trend.significance()).isEqualTo(TrendSignificance.NOT_SIGNIFICANT);
        assertThat(trend.statistic()).isLessThan(Trends.CRITICAL_99_8);
    }

    @Test
    void withoutPolarityTheDirectionIsGivenButNotJudged() {
        Trend trend = Trends.of(years(2017, new double[]{200, 190, 180, 160, 150}, 1000), NO_JUDGEMENT);

        assertThat(trend.direction()).isEqualTo(TrendDirection.DECREASING);
        assertThat(trend.assessment()).isEqualTo(TrendAssessment.NO_JUDGEMENT);
    }

    @Test
    void onlyTheLastFiveComparablePeriodsAreTested() {
        // a rise over 2012-2016, then the five tested years fall
        List<TrendPoint> points = years(2012, new double[]{100, 120, 140, 160, 200, 200, 190, 180, 160, 150}, 1000);

        Trend trend = Trends.of(points, LOWER_IS_GOOD);

        assertThat(trend.points()).isEqualTo(5);
        assertThat(trend.assessment()).isEqualTo(TrendAssessment.GETTING_BETTER);
    }

    @Test
    void fewerThanFiveComparablePeriodsGiveTheDirectionButSignificanceCannotBeCalculated() {
        List<TrendPoint> points = new ArrayList<>(years(2018, new double[]{200, 190, 180}, 1000));
        points.add(point("2020/21", 150.0, 150.0, 1000.0)); // a financial year does not compare with calendar years
        points.add(point("May-21", 140.0, 140.0, 1000.0));   // neither does a month, and it is the latest

        Trend latestIsAMonth = Trends.of(points, LOWER_IS_GOOD);
        Trend threeYears = Trends.of(points.subList(0, 3), LOWER_IS_GOOD);

        assertThat(latestIsAMonth.points()).isEqualTo(1);
        assertThat(latestIsAMonth.direction()).isNull();
        assertThat(latestIsAMonth.significance()).isEqualTo(TrendSignificance.CANNOT_BE_CALCULATED);
        assertThat(threeYears.points()).isEqualTo(3);
        assertThat(threeYears.assessment()).isEqualTo(TrendAssessment.GETTING_BETTER);
        assertThat(threeYears.significance()).isEqualTo(TrendSignificance.CANNOT_BE_CALCULATED);
        assertThat(threeYears.reason()).contains("5 comparable periods");
    }

    @Test
    void missingValuesAreSkippedAndAValueWithNeitherCountsNorLimitsCannotBeTested() {
        List<TrendPoint> points = new ArrayList<>();
        for (int year = 2015; year <= 2021; year++) {
            points.add(new TrendPoint(Period.parse(String.valueOf(year)), year == 2019 ? null : 2100.0 - year, null, null, null, null));
        }

        Trend trend = Trends.of(points, HIGHER_IS_GOOD);

        assertThat(trend.points()).isEqualTo(5);
        assertThat(trend.assessment()).isEqualTo(TrendAssessment.GETTING_WORSE);
        assertThat(trend.significance()).isEqualTo(TrendSignificance.CANNOT_BE_CALCULATED);
        assertThat(trend.reason()).contains("count and denominator, or 95% confidence limits");
    }

    @Test
    void valuesWithConfidenceLimitsAreTestedByWeightedRegression() {
        List<TrendPoint> points = new ArrayList<>();
        double[] values = {7.1, 7.3, 7.5, 7.6, 7.9};
        for (int i = 0; i < values.length; i++) {
            // every standard error 0.1: limits 1.959964 x 0.1 either side
            points.add(new TrendPoint(Period.parse((2016 + i) + "/" + (17 + i)), values[i], null, null,
                    values[i] - 0.1959964, values[i] + 0.1959964));
        }

        Trend trend = Trends.of(points, HIGHER_IS_GOOD);

        // equal weights 100: slope 0.19, sum of squares of x 10, statistic 0.19^2 x 100 x 10 = 36.1
        assertThat(trend.test()).isEqualTo(TrendTest.WEIGHTED_REGRESSION);
        assertThat(trend.statistic()).isCloseTo(36.1, within(1e-6));
        assertThat(trend.significance()).isEqualTo(TrendSignificance.SIGNIFICANT);
        assertThat(trend.assessment()).isEqualTo(TrendAssessment.GETTING_BETTER);
    }

    @Test
    void noComparablePeriodsAtAllCannotBeCalculated() {
        Trend trend = Trends.of(List.of(), HIGHER_IS_GOOD);

        assertThat(trend.points()).isZero();
        assertThat(trend.significance()).isEqualTo(TrendSignificance.CANNOT_BE_CALCULATED);
    }

    private static List<TrendPoint> years(int first, double[] counts, double denominator) {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            points.add(point(String.valueOf(first + i), counts[i] / denominator * 100, counts[i], denominator));
        }
        return points;
    }

    private static TrendPoint point(String period, Double value, Double count, Double denominator) {
        return new TrendPoint(Period.parse(period), value, count, denominator, null, null);
    }
}
