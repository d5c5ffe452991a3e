package org.civicgraph.indicators.comparison;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civicgraph.indicators.comparison.ComparisonMethod.*;
import static org.civicgraph.indicators.comparison.Outcome.*;
import static org.civicgraph.indicators.indicator.Polarity.*;

/** Every method on cases worked out by hand, with missing data and without polarity. */
class ComparisonsTest {

    private static final Benchmark ENGLAND_507_9 = Benchmark.area("E92000001", 507.9);

    @Nested
    class ToleranceBandAroundTheBenchmark {

        @Test
        void withinFivePercentOfTheBenchmarkIsSimilarAndRecordsMethodBenchmarkAndItsValue() {
            // 5% of 507.9 is 25.395: 485.6 is 22.3 below, inside the band
            Comparison comparison = Comparisons.compare(TOLERANCE_BAND, 5, HIGHER_IS_GOOD, Subject.of(485.6), ENGLAND_507_9);

            assertThat(comparison.outcome()).isEqualTo(SIMILAR);
            assertThat(comparison.method()).isEqualTo(TOLERANCE_BAND);
            assertThat(comparison.benchmark()).isEqualTo("E92000001");
            assertThat(comparison.benchmarkValue()).isEqualTo(507.9);
            assertThat(comparison.score()).isCloseTo(-4.3906, within(1e-4)); // (485.6 - 507.9) / 507.9 x 100
        }

        @Test
        void beyondTheBandIsBetterOrWorseByPolarity() {
            // 447.1 is 60.8 below 507.9, outside 25.395
            assertThat(Comparisons.compare(TOLERANCE_BAND, 5, HIGHER_IS_GOOD, Subject.of(447.1), ENGLAND_507_9).outcome()).isEqualTo(WORSE);
            assertThat(Comparisons.compare(TOLERANCE_BAND, 5, LOWER_IS_GOOD, Subject.of(447.1), ENGLAND_507_9).outcome()).isEqualTo(BETTER);
            assertThat(Comparisons.compare(TOLERANCE_BAND, 5, HIGHER_IS_GOOD, Subject.of(535.0), ENGLAND_507_9).outcome()).isEqualTo(BETTER);
        }

        @Test
        void withoutPolarityItIsHigherOrLower() {
            assertThat(Comparisons.compare(TOLERANCE_BAND, 5, NO_JUDGEMENT, Subject.of(447.1), ENGLAND_507_9).outcome()).isEqualTo(LOWER);
            assertThat(Comparisons.compare(TOLERANCE_BAND, 5, NO_JUDGEMENT, Subject.of(535.0), ENGLAND_507_9).outcome()).isEqualTo(HIGHER);
            assertThat(Comparisons.compare(TOLERANCE_BAND, 5, NO_JUDGEMENT, Subject.of(500.0), ENGLAND_507_9).outcome()).isEqualTo(SIMILAR);
        }

        @Test
        void theEdgeOfTheBandIsInsideIt() {
            assertThat(Comparisons.compare(TOLERANCE_BAND, 10, HIGHER_IS_GOOD, Subject.of(90.0), Benchmark.area("E92000001", 100.0)).outcome())
                    .isEqualTo(SIMILAR);
        }

        @Test
        void aZeroBandIsAPlainHigherOrLower() {
            assertThat(Comparisons.compare(TOLERANCE_BAND, 0, LOWER_IS_GOOD, Subject.of(12.1), Benchmark.area("E92000001", 12.0)).outcome())
                    .isEqualTo(WORSE);
        }
    }

    @Nested
    class ConfidenceIntervalAgainstTheBenchmarkValue {

        private final Subject smokers = new Subject(13.2, 10.1, 16.3, 8.5, 18.4, null);

        @Test
        void anIntervalContainingTheBenchmarkIsSimilar() {
            Comparison comparison = Comparisons.compare(CI_OVERLAP_95, 5, LOWER_IS_GOOD, smokers, Benchmark.area("E92000001", 12.0));

            assertThat(comparison.outcome()).isEqualTo(SIMILAR);
            assertThat(comparison.benchmarkValue()).isEqualTo(12.0);
            assertThat(comparison.method()).isEqualTo(CI_OVERLAP_95);
        }

        @Test
        void anIntervalWhollyAboveOrBelowIsWorseOrBetterByPolarity() {
            assertThat(Comparisons.compare(CI_OVERLAP_95, 5, LOWER_IS_GOOD, smokers, Benchmark.area("E92000001", 9.0)).outcome()).isEqualTo(WORSE);
            assertThat(Comparisons.compare(CI_OVERLAP_95, 5, LOWER_IS_GOOD, smokers, Benchmark.area("E92000001", 17.0)).outcome()).isEqualTo(BETTER);
            assertThat(Comparisons.compare(CI_OVERLAP_95, 5, NO_JUDGEMENT, smokers, Benchmark.area("E92000001", 9.0)).outcome()).isEqualTo(HIGHER);
        }

        @Test
        void theWider998IntervalCanMakeADifferenceSimilar() {
            Benchmark england = Benchmark.area("E92000001", 9.0);

            assertThat(Comparisons.compare(CI_OVERLAP_95, 5, LOWER_IS_GOOD, smokers, england).outcome()).isEqualTo(WORSE);
            assertThat(Comparisons.compare(CI_OVERLAP_99_8, 5, LOWER_IS_GOOD, smokers, england).outcome()).isEqualTo(SIMILAR);
        }

        @Test
        void aValueWithoutTheIntervalIsNotComparedSayingWhy() {
            Comparison comparison = Comparisons.compare(CI_OVERLAP_99_8, 5, LOWER_IS_GOOD, Subject.of(13.2), Benchmark.area("E92000001", 12.0));

            assertThat(comparison.outcome()).isEqualTo(NOT_COMPARED);
            assertThat(comparison.reason()).contains("99.8%");
            assertThat(comparison.benchmarkValue()).isEqualTo(12.0);
        }
    }

    @Nested
    class QuintilesWithinTheGroup {

        // Gross median weekly pay in the seven Lincolnshire districts (seed 003)
        private final Benchmark districts = Benchmark.group("areas within E10000019", List.of(447.1, 417.9, 435.5, 528.3, 517.5, 504.3, 485.6));

        @Test
        void sevenAreasSplitThreeOneThreeByMidRank() {
            // sorted: 417.9 435.5 447.1 | 485.6 | 504.3 517.5 528.3; mid-ranks 0.5 .. 6.5 of 7 -> quintiles 1 2 2 3 4 4 5
            assertThat(quintileOf(417.9)).isEqualTo(1.0);
            assertThat(quintileOf(435.5)).isEqualTo(2.0);
            assertThat(quintileOf(447.1)).isEqualTo(2.0);
            assertThat(quintileOf(485.6)).isEqualTo(3.0);
            assertThat(quintileOf(504.3)).isEqualTo(4.0);
            assertThat(quintileOf(517.5)).isEqualTo(4.0);
            assertThat(quintileOf(528.3)).isEqualTo(5.0);
        }

        @Test
        void lowQuintilesAreWorseWhenHigherIsGoodAndTheBenchmarkValueIsTheGroupMedian() {
            Comparison comparison = Comparisons.compare(QUINTILES, 5, HIGHER_IS_GOOD, Subject.of(435.5), districts);

            assertThat(comparison.outcome()).isEqualTo(WORSE);
            assertThat(comparison.benchmark()).isEqualTo("areas within E10000019");
            assertThat(comparison.benchmarkValue()).isEqualTo(485.6);
            assertThat(Comparisons.compare(QUINTILES, 5, HIGHER_IS_GOOD, Subject.of(485.6), districts).outcome()).isEqualTo(SIMILAR);
            assertThat(Comparisons.compare(QUINTILES, 5, LOWER_IS_GOOD, Subject.of(528.3), districts).outcome()).isEqualTo(WORSE);
            assertThat(Comparisons.compare(QUINTILES, 5, NO_JUDGEMENT, Subject.of(528.3), districts).outcome()).isEqualTo(HIGHER);
        }

        @Test
        void tiesShareAQuintile() {
            Benchmark tied = Benchmark.group("group", List.of(1.0, 2.0, 2.0, 2.0, 3.0));

            // one below and three equal: mid-rank 1 + 3/2 = 2.5 of 5 -> floor(5 x 2.5 / 5) + 1 = quintile 3
            assertThat(Comparisons.compare(QUINTILES, 5, HIGHER_IS_GOOD, Subject.of(2.0), tied).score()).isEqualTo(3.0);
        }

        @Test
        void fewerThanFiveValuesAreNotCompared() {
            Benchmark small = Benchmark.group("group", Arrays.asList(1.0, 2.0, null, 3.0, 4.0));

            Comparison comparison = Comparisons.compare(QUINTILES, 5, HIGHER_IS_GOOD, Subject.of(2.0), small);

            assertThat(comparison.outcome()).isEqualTo(NOT_COMPARED);
            assertThat(comparison.reason()).contains("4 values");
        }

        private Double quintileOf(double value) {
            return Comparisons.compare(QUINTILES, 5, HIGHER_IS_GOOD, Subject.of(value), districts).score();
        }
    }

    @Nested
    class RobustZScoreAgainstTheGroup {

        // Employment rate in the seven districts: median 72.5; deviations 1.8 2.2 6.5 4.7 2.8 1.4 0 -> MAD 2.2
        private final Benchmark districts = Benchmark.group("areas within E10000019", List.of(74.3, 70.3, 66.0, 67.8, 75.3, 73.9, 72.5));

        @Test
        void lincolnIsNotablyLowAndTheResultRecordsTheGroupMedian() {
            Comparison comparison = Comparisons.compare(ROBUST_Z_SCORE, 5, HIGHER_IS_GOOD, Subject.of(66.0), districts);

            // (66 - 72.5) / (1.4826 x 2.2) = -6.5 / 3.26172 = -1.99282
            assertThat(comparison.score()).isCloseTo(-1.99282, within(1e-5));
            assertThat(comparison.outcome()).isEqualTo(WORSE);
            assertThat(comparison.benchmarkValue()).isEqualTo(72.5);
            assertThat(comparison.method()).isEqualTo(ROBUST_Z_SCORE);
        }

        @Test
        void withinOneIsSimilarAndBeyondIsNotable() {
            // (74.3 - 72.5) / 3.26172 = 0.55186
            assertThat(Comparisons.compare(ROBUST_Z_SCORE, 5, HIGHER_IS_GOOD, Subject.of(74.3), districts).outcome()).isEqualTo(SIMILAR);
            // (67.8 - 72.5) / 3.26172 = -1.44096
            assertThat(Comparisons.compare(ROBUST_Z_SCORE, 5, LOWER_IS_GOOD, Subject.of(67.8), districts).outcome()).isEqualTo(BETTER);
            assertThat(Comparisons.compare(ROBUST_Z_SCORE, 5, NO_JUDGEMENT, Subject.of(67.8), districts).outcome()).isEqualTo(LOWER);
        }

        @Test
        void aGroupWithoutSpreadIsNotCompared() {
            Benchmark flat = Benchmark.group("group", List.of(5.0, 5.0, 5.0, 6.0, 7.0));

            Comparison comparison = Comparisons.compare(ROBUST_Z_SCORE, 5, HIGHER_IS_GOOD, Subject.of(7.0), flat);

            assertThat(comparison.outcome()).isEqualTo(NOT_COMPARED);
            assertThat(comparison.benchmarkValue()).isEqualTo(5.0);
        }
    }

    @Nested
    class MissingData {

        @Test
        void anUnavailableValueIsNotComparedGivingItsReasonByEveryMethod() {
            Subject unavailable = new Subject(null, null, null, null, null, "Shown as Unavailable in the source table");
            Benchmark group = Benchmark.group("group", List.of(7.5, 7.7, 7.3, 7.6, 7.9, 7.5));

            for (ComparisonMethod method : ComparisonMethod.values()) {
                Comparison comparison = Comparisons.compare(method, 5, HIGHER_IS_GOOD, unavailable, method.againstGroup() ? group : Benchmark.area("E92000001", 7.4));
                assertThat(comparison.outcome()).as(method.name()).isEqualTo(NOT_COMPARED);
                assertThat(comparison.reason()).as(method.name()).contains("Unavailable in the source");
                assertThat(comparison.method()).isEqualTo(method);
            }
        }

        @Test
        void aBenchmarkWithoutAValueForThePeriodIsNotCompared() {
            Comparison comparison = Comparisons.compare(TOLERANCE_BAND, 5, HIGHER_IS_GOOD, Subject.of(26.0), Benchmark.area("E92000001", null));

            assertThat(comparison.outcome()).isEqualTo(NOT_COMPARED);
            assertThat(comparison.benchmark()).isEqualTo("E92000001");
            assertThat(comparison.reason()).contains("E92000001 has no value");
        }
    }
}
