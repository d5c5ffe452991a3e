package org.civicgraph.indicators.trend;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.civicgraph.indicators.indicator.Polarity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Works out an indicator's recent trend as Fingertips does: over the most recent five comparable periods (the same
 * kind and length as the latest, not overlapping), tested at the 99.8% level; with fewer than five, the direction is
 * still given but its significance cannot be calculated.
 */
public final class Trends {

    static final int POINTS_TESTED = 5;
    /** The 99.8% point of chi-square with one degree of freedom, Fingertips' threshold for a significant trend. */
    static final double CRITICAL_99_8 = 9.5495;

    private static final ChiSquaredDistribution CHI_SQUARE_1 = new ChiSquaredDistribution(1);

    private Trends() {
    }

    public static Trend of(List<TrendPoint> points, Polarity polarity) {
        List<TrendPoint> recent = recentComparable(points);
        if (recent.size() < 2) {
            return new Trend(recent.size(), null, null, TrendSignificance.CANNOT_BE_CALCULATED, null, null, null,
                    "A trend needs at least two comparable periods; there " + (recent.size() == 1 ? "is one" : "are none"));
        }
        double slope = TrendStatistics.slope(recent.stream().map(TrendPoint::value).toList());
        TrendDirection direction = slope > 0 ? TrendDirection.INCREASING : slope < 0 ? TrendDirection.DECREASING : TrendDirection.NO_CHANGE;
        TrendAssessment assessment = assess(direction, polarity);
        if (recent.size() < POINTS_TESTED) {
            return new Trend(recent.size(), direction, assessment, TrendSignificance.CANNOT_BE_CALCULATED, null, null, null,
                    "Significance needs " + POINTS_TESTED + " comparable periods; there are " + recent.size());
        }
        if (recent.stream().allMatch(p -> p.count() != null && p.denominator() != null && p.denominator() > 0 && p.count() <= p.denominator())) {
            double statistic = TrendStatistics.chiSquareForTrend(recent.stream().map(TrendPoint::count).toList(),
                    recent.stream().map(TrendPoint::denominator).toList());
            return tested(recent.size(), direction, assessment, TrendTest.CHI_SQUARE_FOR_TREND, statistic);
        }
        if (recent.stream().allMatch(p -> p.lower95() != null && p.upper95() != null)) {
            double statistic = TrendStatistics.weightedRegression(recent.stream().map(TrendPoint::value).toList(),
                    recent.stream().map(TrendPoint::lower95).toList(), recent.stream().map(TrendPoint::upper95).toList());
            return tested(recent.size(), direction, assessment, TrendTest.WEIGHTED_REGRESSION, statistic);
        }
        return new Trend(recent.size(), direction, assessment, TrendSignificance.CANNOT_BE_CALCULATED, null, null, null,
                "Significance needs a count and denominator, or 95% confidence limits, for each of the last five periods");
    }

    private static Trend tested(int points, TrendDirection direction, TrendAssessment assessment, TrendTest test, double statistic) {
        double pValue = 1 - CHI_SQUARE_1.cumulativeProbability(statistic);
        TrendSignificance significance = statistic > CRITICAL_99_8 ? TrendSignificance.SIGNIFICANT : TrendSignificance.NOT_SIGNIFICANT;
        return new Trend(points, direction, assessment, significance, test, statistic, pValue, null);
    }

    /** The latest period with a value and up to four before it of the same kind and length, oldest first. */
    static List<TrendPoint> recentComparable(List<TrendPoint> points) {
        List<TrendPoint> newestFirst = points.stream().filter(p -> p.value() != null)
                .sorted(Comparator.comparing((TrendPoint p) -> p.period().end()).reversed()).toList();
        List<TrendPoint> chosen = new ArrayList<>();
        for (TrendPoint point : newestFirst) {
            if (chosen.size() == POINTS_TESTED) {
                break;
            }
            if (chosen.isEmpty()) {
                chosen.add(point);
            } else if (point.period().isComparableWith(chosen.get(0).period())
                    && point.period().end().isBefore(chosen.get(chosen.size() - 1).period().start())) {
                chosen.add(point);
            }
        }
        List<TrendPoint> oldestFirst = new ArrayList<>(chosen);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static TrendAssessment assess(TrendDirection direction, Polarity polarity) {
        if (direction == TrendDirection.NO_CHANGE) {
            return TrendAssessment.NO_CHANGE;
        }
        return switch (polarity) {
            case HIGHER_IS_GOOD -> direction == TrendDirection.INCREASING ? TrendAssessment.GETTING_BETTER : TrendAssessment.GETTING_WORSE;
            case LOWER_IS_GOOD -> direction == TrendDirection.DECREASING ? TrendAssessment.GETTING_BETTER : TrendAssessment.GETTING_WORSE;
            case NO_JUDGEMENT -> TrendAssessment.NO_JUDGEMENT;
        };
    }
}
