package org.civicgraph.indicators.targets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.indicators.indicator.Polarity.*;
import static org.civicgraph.indicators.targets.TargetVerdict.*;

/** The verdicts of seed 002, Appendix A "Learn and achieve", and the cases around them. */
class TargetRuleTest {

    @Test
    void goodLevelOfDevelopment72PercentTargetActual70IsNotAchievedWhereBiggerIsBetter() {
        assertThat(TargetRule.verdict(HIGHER_IS_GOOD, 72.0, 1, 70.0, null)).isEqualTo(NOT_ACHIEVED);
    }

    @Test
    void closingTheGap19PercentTargetActual20IsAchievedWithinTheToleranceWhereSmallerIsBetter() {
        assertThat(TargetRule.verdict(LOWER_IS_GOOD, 19.0, 1, 20.0, null)).isEqualTo(ACHIEVED);
        assertThat(TargetRule.verdict(LOWER_IS_GOOD, 19.0, 0, 20.0, null)).isEqualTo(NOT_ACHIEVED);
    }

    @Test
    void disadvantagedGap31PercentTargetActual34IsNotAchieved() {
        assertThat(TargetRule.verdict(LOWER_IS_GOOD, 31.0, 1, 34.0, null)).isEqualTo(NOT_ACHIEVED);
    }

    @Test
    void aMissedTargetIsImprovingWhenBetterThanThePeriodBefore() {
        assertThat(TargetRule.verdict(HIGHER_IS_GOOD, 72.0, 1, 70.0, 68.0)).isEqualTo(IMPROVING);
        assertThat(TargetRule.verdict(HIGHER_IS_GOOD, 72.0, 1, 70.0, 70.5)).isEqualTo(NOT_ACHIEVED);
        assertThat(TargetRule.verdict(LOWER_IS_GOOD, 31.0, 1, 34.0, 36.0)).isEqualTo(IMPROVING);
    }

    @Test
    void beatingTheTargetIsAchievedWhateverCameBefore() {
        assertThat(TargetRule.verdict(HIGHER_IS_GOOD, 72.0, 0, 75.0, 80.0)).isEqualTo(ACHIEVED);
        assertThat(TargetRule.verdict(LOWER_IS_GOOD, 31.0, 0, 30.0, null)).isEqualTo(ACHIEVED);
    }

    @Test
    void withoutPolarityATargetIsALevelToReachWithinTheTolerance() {
        assertThat(TargetRule.verdict(NO_JUDGEMENT, 45.0, 1, 45.9, null)).isEqualTo(ACHIEVED);
        assertThat(TargetRule.verdict(NO_JUDGEMENT, 45.0, 1, 47.0, null)).isEqualTo(NOT_ACHIEVED);
        assertThat(TargetRule.verdict(NO_JUDGEMENT, 45.0, 1, 47.0, 49.0)).isEqualTo(IMPROVING);
        assertThat(TargetRule.verdict(NO_JUDGEMENT, 45.0, 1, 43.0, 46.5)).isEqualTo(NOT_ACHIEVED);
    }

    @Test
    void withoutAValueOrATargetFigureThereIsNoVerdict() {
        assertThat(TargetRule.verdict(HIGHER_IS_GOOD, 72.0, 1, null, 70.0)).isNull();
        assertThat(TargetRule.verdict(HIGHER_IS_GOOD, null, 1, 70.0, null)).isNull();
    }

    @Test
    void figuresThatBinaryFloatingPointCannotHoldExactlyStillMeetTheirTarget() {
        assertThat(TargetRule.verdict(HIGHER_IS_GOOD, 0.3, 0, 0.1 + 0.2, null)).isEqualTo(ACHIEVED);
    }
}
