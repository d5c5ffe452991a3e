package org.civicgraph.indicators.trend;

import java.util.List;

/** The two tests for trend Fingertips uses; each returns a chi-square statistic with one degree of freedom. */
final class TrendStatistics {

    /** The standard normal quantile of a two-sided 95% interval, to turn 95% limits into a standard error. */
    private static final double Z_95 = 1.959964;

    private TrendStatistics() {
    }

    /**
     * The chi-square test for linear trend in proportions (Cochran-Armitage, as R's {@code prop.trend.test}) with
     * scores 1, 2, 3 ... for the periods in order.
     */
    static double chiSquareForTrend(List<Double> counts, List<Double> denominators) {
        double events = 0;
        double total = 0;
        double weightedScores = 0;
        for (int i = 0; i < counts.size(); i++) {
            events += counts.get(i);
            total += denominators.get(i);
            weightedScores += denominators.get(i) * (i + 1);
        }
        double p = events / total;
        double meanScore = weightedScores / total;
        double t = 0;
        double spread = 0;
        for (int i = 0; i < counts.size(); i++) {
            double deviation = (i + 1) - meanScore;
            t += counts.get(i) * deviation;
            spread += denominators.get(i) * deviation * deviation;
        }
        double variance = p * (1 - p) * spread;
        return variance == 0 ? 0 : t * t / variance;
    }

    /** The slope of values over periods 0, 1, 2 ... weighted by 1 / variance, squared over its own variance. */
    static double weightedRegression(List<Double> values, List<Double> lower95, List<Double> upper95) {
        double sumW = 0;
        double sumWx = 0;
        double sumWy = 0;
        double[] weights = new double[values.size()];
        for (int i = 0; i < values.size(); i++) {
            double standardError = (upper95.get(i) - lower95.get(i)) / (2 * Z_95);
            weights[i] = standardError == 0 ? 0 : 1 / (standardError * standardError);
            sumW += weights[i];
            sumWx += weights[i] * i;
            sumWy += weights[i] * values.get(i);
        }
        if (sumW == 0) {
            return 0;
        }
        double meanX = sumWx / sumW;
        double meanY = sumWy / sumW;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < values.size(); i++) {
            sxx += weights[i] * (i - meanX) * (i - meanX);
            sxy += weights[i] * (i - meanX) * (values.get(i) - meanY);
        }
        if (sxx == 0) {
            return 0;
        }
        double slope = sxy / sxx;
        return slope * slope * sxx; // slope squared over its variance, 1 / sxx
    }

    /** Ordinary least-squares slope of values over periods 0, 1, 2 ...: which way they move. */
    static double slope(List<Double> values) {
        int n = values.size();
        double meanX = (n - 1) / 2.0;
        double meanY = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (values.get(i) - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
