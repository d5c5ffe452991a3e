package org.civicgraph.plans.period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportingPeriodTest {

    @ParameterizedTest(name = "\"{0}\" is 2020/21 Q4")
    @ValueSource(strings = {"2020/21 Q4", "2020/2021 Q4", "2020-21 Q4", "2020-2021 q4", "2020/21 Quarter 4", "2020/21, Q4",
            "Q4 2020/21", "quarter 4 2020-21", "  2020/21   Q4 ",
            "Q4 (January-March 2021)", "Q4 (January- March 2021)", "Q4 (Jan - Mar 2021)", "q4 (jan.-mar. 2021)",
            "Q4 (January–March 2021)", "January to March 2021", "Jan-Mar 2021", "2020-Q4", "2020-q4"})
    void everyWayCouncilsWriteTheQuarterIsRead(String written) {
        assertThat(ReportingPeriod.parse(written)).isEqualTo(ReportingPeriod.of(2020, 4));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "April-June 2021, 2021/22 Q1",
            "Q2 (July-September 2021), 2021/22 Q2",
            "Oct-Dec 2021, 2021/22 Q3",
            "2021-Q1, 2021/22 Q1",
            "1999/00 Q3, 1999/00 Q3",
            "1999/2000 Q1, 1999/00 Q1",
            "Q1 (April-June 2000), 2000/01 Q1"})
    void quartersStartInApril(String written, String canonical) {
        assertThat(ReportingPeriod.parse(written).toString()).isEqualTo(canonical);
    }

    @Test
    void itPrintsCanonicallyAndReadsBackWhatItPrints() {
        ReportingPeriod period = ReportingPeriod.parse("Q4 (January-March 2021)");

        assertThat(period.toString()).isEqualTo("2020/21 Q4");
        assertThat(period.slug()).isEqualTo("2020-21-Q4");
        assertThat(ReportingPeriod.parse(period.toString())).isEqualTo(period);
        assertThat(ReportingPeriod.parse(period.slug())).isEqualTo(period);
    }

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({
            "2020/21 Q1, 2020-04-01, 2020-06-30",
            "2020/21 Q2, 2020-07-01, 2020-09-30",
            "2020/21 Q3, 2020-10-01, 2020-12-31",
            "2020/21 Q4, 2021-01-01, 2021-03-31",
            "2023/24 Q4, 2024-01-01, 2024-03-31"})
    void eachQuarterCoversThreeMonths(String period, LocalDate first, LocalDate last) {
        ReportingPeriod quarter = ReportingPeriod.parse(period);

        assertThat(quarter.firstDay()).isEqualTo(first);
        assertThat(quarter.lastDay()).isEqualTo(last);
        assertThat(quarter.contains(first)).isTrue();
        assertThat(quarter.contains(last)).isTrue();
        assertThat(quarter.contains(first.minusDays(1))).isFalse();
        assertThat(quarter.contains(last.plusDays(1))).isFalse();
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "2021-03-31, 2020/21 Q4",
            "2021-04-01, 2021/22 Q1",
            "2021-06-30, 2021/22 Q1",
            "2021-07-01, 2021/22 Q2",
            "2021-12-31, 2021/22 Q3",
            "2022-01-01, 2021/22 Q4"})
    void theYearTurnsOnTheFirstOfApril(LocalDate day, String period) {
        assertThat(ReportingPeriod.containing(day).toString()).isEqualTo(period);
        assertThat(FinancialYear.containing(day).toString()).isEqualTo(period.substring(0, 7));
    }

    @Test
    void periodsRunInTimeOrderAcrossTheYearEnd() {
        ReportingPeriod q4 = ReportingPeriod.of(2020, 4);

        assertThat(q4.next()).isEqualTo(ReportingPeriod.of(2021, 1));
        assertThat(q4.next().isAfter(q4)).isTrue();
        assertThat(Stream.of("2021/22 Q1", "2020/21 Q4", "2020/21 Q1", "2021/22 Q2").map(ReportingPeriod::parse).sorted().map(ReportingPeriod::toString))
                .containsExactly("2020/21 Q1", "2020/21 Q4", "2021/22 Q1", "2021/22 Q2");
        assertThat(List.of("2021/22 Q1", "2020/21 Q4", "2020/21 Q1").stream().sorted())
                .as("the printed form sorts as text in the same order, so the database can sort by it")
                .containsExactly("2020/21 Q1", "2020/21 Q4", "2021/22 Q1");
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"Q4", "2020/21", "2020/22 Q4", "2020/19 Q1", "2020/21 Q5", "2020/21 Q0", "2020-Q5",
            "Q1 (January-March 2021)", "February-April 2021", "January-June 2021", "Janvier-Mars 2021", "last quarter"})
    void anythingElseIsRefusedSayingWhatWasExpected(String written) {
        assertThatThrownBy(() -> ReportingPeriod.parse(written)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQuarterNumberThatContradictsItsMonthsIsNotGuessedAt() {
        assertThatThrownBy(() -> ReportingPeriod.parse("Q1 (January-March 2021)"))
                .hasMessageContaining("January to March is Q4 of the financial year, not Q1");
    }

    @ParameterizedTest(name = "plan period \"{0}\" reports from {1} to {2}")
    @CsvSource({
            "2020-2024, 2020/21 Q1, 2023/24 Q4",
            "2022-26, 2022/23 Q1, 2025/26 Q4",
            "2022-2022, 2022/23 Q1, 2022/23 Q4"})
    void aPlanPeriodOfYearsIsReadAsFinancialYears(String period, String first, String last) {
        ReportingWindow window = ReportingWindow.ofPlanPeriod(period).orElseThrow();

        assertThat(window.first().toString()).isEqualTo(first);
        assertThat(window.last().toString()).isEqualTo(last);
        assertThat(window.contains(ReportingPeriod.parse(first))).isTrue();
        assertThat(window.contains(ReportingPeriod.parse(last).next())).isFalse();
    }

    @Test
    void aPlanPeriodThatIsNotYearsLimitsNothing() {
        assertThat(ReportingWindow.ofPlanPeriod("five-year")).isEmpty();
    }
}
