package org.civicgraph.indicators.targets;

import org.civicgraph.indicators.indicator.Polarity;

/**
 * Judges a value against a target. A value on the good side of the target, or within the tolerance of it, achieves
 * it: seed 002 reports "target 19%, actual 20%, achieved" for a measure where smaller is better. Without a polarity a
 * target is a level to reach, so only the tolerance counts. A missed target is improving when the value is better
 * (or, without a polarity, nearer the target) than the comparable period before.
 */
public final class TargetRule {

    /** Leaves room for figures such as 0.1 + 0.2 that binary floating point cannot hold exactly. */
    private static final double ROUNDING = 1e-9;

    private TargetRule() {
    }

    /**
     * @param previous the value of the comparable period before, or null
     * @return the verdict, or null when there is no target figure or no value to judge
     */
    public static TargetVerdict verdict(Polarity polarity, Double target, double tolerance, Double actual, Double previous) {
        if (target == null || actual == null) {
            return null;
        }
        double allowed = tolerance + ROUNDING;
        boolean achieved = switch (polarity) {
            case HIGHER_IS_GOOD -> actual >= target - allowed;
            case LOWER_IS_GOOD -> actual <= target + allowed;
            case NO_JUDGEMENT -> Math.abs(actual - target) <= allowed;
        };
        if (achieved) {
            return TargetVerdict.ACHIEVED;
        }
        return previous != null && improved(polarity, target, actual, previous) ? TargetVerdict.IMPROVING : TargetVerdict.NOT_ACHIEVED;
    }

    private static boolean improved(Polarity polarity, double target, double actual, double previous) {
        return switch (polarity) {
            case HIGHER_IS_GOOD -> actual > previous;
            case LOWER_IS_GOOD -> actual < previous;
            case NO_JUDGEMENT -> Math.abs(actual - target) < Math.abs(previous - target);
        };
    }
}
