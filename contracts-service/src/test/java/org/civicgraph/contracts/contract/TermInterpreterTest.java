package org.civicgraph.contracts.contract;

import org.civicgraph.platform.graphql.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way of writing a term that the highlight reports use, and what is flagged rather than guessed. */
class TermInterpreterTest {

    @Test
    void aBaseWithTwoOptionsEndsByTheMonthInBracketsAtTheLatest() {
        ContractTerm term = TermInterpreter.interpret("3 + 1 + 1 years (Sep 2022)");

        assertThat(term.kind()).isEqualTo(TermKind.FIXED);
        assertThat(term.precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(term.baseMonths()).isEqualTo(36);
        assertThat(term.startDate()).isEqualTo("2017-10-01");
        assertThat(term.baseEndDate()).isEqualTo("2020-09-30");
        assertThat(term.endDate()).isEqualTo("2020-09-30");
        assertThat(term.maxExtentDate()).isEqualTo("2022-09-30");
        assertThat(term.extensionOptions()).containsExactly(
                new ExtensionOption(1, 12, date("2020-10-01"), date("2021-09-30"), OptionState.AVAILABLE, null, null),
                new ExtensionOption(2, 12, date("2021-10-01"), date("2022-09-30"), OptionState.AVAILABLE, null, null));
        assertThat(term.flaggedForReview()).isFalse();
    }

    @Test
    void aBaseWithOneOption() {
        ContractTerm term = TermInterpreter.interpret("2 + 1 years (Mar 2019)");

        assertThat(term.startDate()).isEqualTo("2016-04-01");
        assertThat(term.endDate()).isEqualTo("2018-03-31");
        assertThat(term.maxExtentDate()).isEqualTo("2019-03-31");
        assertThat(term.extensionOptions()).extracting(ExtensionOption::months, ExtensionOption::startDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(12, date("2018-04-01")));
    }

    @Test
    void aBaseWithOneOptionOfTwoYears() {
        ContractTerm term = TermInterpreter.interpret("3 + 2 years (Aug 2020)");

        assertThat(term.startDate()).isEqualTo("2015-09-01");
        assertThat(term.endDate()).isEqualTo("2018-08-31");
        assertThat(term.extensionOptions()).singleElement().extracting(ExtensionOption::months).isEqualTo(24);
        assertThat(term.maxExtentDate()).isEqualTo("2020-08-31");
    }

    @Test
    void aSinglePeriodEndingInTheMonthGiven() {
        ContractTerm twelveMonths = TermInterpreter.interpret("12 months (Mar 2018)");
        ContractTerm twoYears = TermInterpreter.interpret("2 years (Mar 18)");

        assertThat(twelveMonths.startDate()).isEqualTo("2017-04-01");
        assertThat(twelveMonths.endDate()).isEqualTo("2018-03-31");
        assertThat(twelveMonths.maxExtentDate()).isEqualTo("2018-03-31");
        assertThat(twelveMonths.extensionOptions()).isEmpty();
        assertThat(twoYears.startDate()).isEqualTo("2016-04-01");
        assertThat(twoYears.endDate()).isEqualTo("2018-03-31");
    }

    @Test
    void fiveYearsWithAnOptionOfFiveToTheDaysWritten() {
        ContractTerm term = TermInterpreter.interpret("5 years +5 Midnight 31 March 2021 or Midnight 31 March 2026 if extended");

        assertThat(term.precision()).isEqualTo(DatePrecision.DAY);
        assertThat(term.startDate()).isEqualTo("2016-04-01");
        assertThat(term.endDate()).isEqualTo("2021-03-31");
        assertThat(term.maxExtentDate()).isEqualTo("2026-03-31");
        assertThat(term.extensionOptions()).containsExactly(
                new ExtensionOption(1, 60, date("2021-04-01"), date("2026-03-31"), OptionState.AVAILABLE, null, null));
    }

    @Test
    void aBaseEndingInAYearWithTwoOptions() {
        ContractTerm term = TermInterpreter.interpret("2020 + 2 + 2 years");

        assertThat(term.precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(term.startDate()).as("the words do not say when it began").isNull();
        assertThat(term.baseMonths()).isNull();
        assertThat(term.endDate()).isEqualTo("2020-12-31");
        assertThat(term.extensionOptions()).extracting(ExtensionOption::startDate, ExtensionOption::endDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple(date("2021-01-01"), date("2022-12-31")),
                org.assertj.core.groups.Tuple.tuple(date("2023-01-01"), date("2024-12-31")));
        assertThat(term.maxExtentDate()).isEqualTo("2024-12-31");
    }

    @Test
    void onlyACeiling() {
        ContractTerm term = TermInterpreter.interpret("Up to 10 Years");

        assertThat(term.kind()).isEqualTo(TermKind.UP_TO_MAXIMUM);
        assertThat(term.maximumMonths()).isEqualTo(120);
        assertThat(term.startDate()).isNull();
        assertThat(term.endDate()).isNull();
        assertThat(term.maxExtentDate()).isNull();
    }

    @Test
    void financialYears() {
        ContractTerm term = TermInterpreter.interpret("Three years: 2016/2017 to 2018/2019");

        assertThat(term.precision()).isEqualTo(DatePrecision.DAY);
        assertThat(term.baseMonths()).isEqualTo(36);
        assertThat(term.startDate()).isEqualTo("2016-04-01");
        assertThat(term.endDate()).isEqualTo("2019-03-31");
    }

    @Test
    void financialYearsThatDisagreeWithTheLengthAreFlagged() {
        ContractTerm term = TermInterpreter.interpret("Two years: 2016/2017 to 2018/2019");

        assertThat(term.flaggedForReview()).isTrue();
        assertThat(term.flagReason()).contains("does not match");
        assertThat(term.startDate()).isNull();
    }

    @Test
    void openEndedTerms() {
        assertThat(TermInterpreter.interpret("Ongoing").kind()).isEqualTo(TermKind.ONGOING);
        assertThat(TermInterpreter.interpret("ongoing").kind()).isEqualTo(TermKind.ONGOING);
        assertThat(TermInterpreter.interpret("Various - Ongoing").kind()).isEqualTo(TermKind.ONGOING);
        assertThat(TermInterpreter.interpret("Ongoing projects").kind()).isEqualTo(TermKind.ONGOING);
        ContractTerm needsLed = TermInterpreter.interpret("Linked to individual needs of child");
        assertThat(needsLed.kind()).isEqualTo(TermKind.NEEDS_LED);
        assertThat(needsLed.endDate()).isNull();
        assertThat(needsLed.flaggedForReview()).isFalse();
    }

    @Test
    void lengthsEndingInAMonth() {
        ContractTerm twoYears = TermInterpreter.interpret("Two years ending March 2019");
        ContractTerm carbonPlan = TermInterpreter.interpret("CMP2 will conclude in March 2018");

        assertThat(twoYears.startDate()).isEqualTo("2017-04-01");
        assertThat(twoYears.endDate()).isEqualTo("2019-03-31");
        assertThat(carbonPlan.startDate()).isNull();
        assertThat(carbonPlan.endDate()).isEqualTo("2018-03-31");
        assertThat(carbonPlan.precision()).isEqualTo(DatePrecision.MONTH);
    }

    @Test
    void yearsAndFinancialYearEnds() {
        ContractTerm toYear = TermInterpreter.interpret("To 2019/20");
        ContractTerm range = TermInterpreter.interpret("2017-2020");
        ContractTerm year = TermInterpreter.interpret("2027");

        assertThat(toYear.endDate()).isEqualTo("2020-03-31");
        assertThat(range.startDate()).isEqualTo("2017-01-01");
        assertThat(range.endDate()).isEqualTo("2020-12-31");
        assertThat(range.precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(year.startDate()).isNull();
        assertThat(year.endDate()).isEqualTo("2027-12-31");
    }

    @Test
    void lengthsWithoutDatesStayUndated() {
        assertThat(TermInterpreter.interpret("Three Years").baseMonths()).isEqualTo(36);
        assertThat(TermInterpreter.interpret("5years").baseMonths()).isEqualTo(60);
        assertThat(TermInterpreter.interpret("One year").baseMonths()).isEqualTo(12);
        assertThat(TermInterpreter.interpret("Annual").baseMonths()).isEqualTo(12);
        assertThat(TermInterpreter.interpret("4 years").startDate()).isNull();
        assertThat(TermInterpreter.interpret("4 years").endDate()).isNull();
    }

    @Test
    void aStartDateAnchorsALengthWithoutDates() {
        ContractTerm term = TermInterpreter.interpret("Three Years", date("2018-04-01"));

        assertThat(term.startDate()).isEqualTo("2018-04-01");
        assertThat(term.endDate()).isEqualTo("2021-03-31");
        assertThat(term.precision()).isEqualTo(DatePrecision.DAY);
    }

    @Test
    void aStartDateThatContradictsTheWordsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> TermInterpreter.interpret("3 + 1 + 1 years (Sep 2022)", date("2017-11-01")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("startDate"))
                .hasMessageContaining("2017-10-01");
    }

    @Test
    void whatCannotBeInterpretedIsFlaggedWithTheReasonAndNothingInvented() {
        ContractTerm renewable = TermInterpreter.interpret("Renewable projects");
        ContractTerm various = TermInterpreter.interpret("Various");
        ContractTerm missing = TermInterpreter.interpret(null);

        assertThat(renewable.kind()).isEqualTo(TermKind.FLAGGED);
        assertThat(renewable.flaggedForReview()).isTrue();
        assertThat(renewable.flagReason()).contains("Renewable projects");
        assertThat(renewable.asWritten()).isEqualTo("Renewable projects");
        assertThat(renewable.startDate()).isNull();
        assertThat(renewable.endDate()).isNull();
        assertThat(renewable.maxExtentDate()).isNull();
        assertThat(renewable.extensionOptions()).isEmpty();
        assertThat(various.flagReason()).contains("vary");
        assertThat(missing.flagReason()).isEqualTo("No term given");
    }

    @Test
    void everyTermInTheDemoDataIsInterpretedOrFlaggedWithAReason() {
        for (RegisterContractInput contract : new org.civicgraph.platform.demo.DemoDataFile<>(ContractDemoData.CONTRACTS,
                RegisterContractInput.class).read()) {
            ContractTerm term = TermInterpreter.interpret(contract.term());
            assertThat(term.flaggedForReview() == (term.flagReason() != null)).as(contract.term()).isTrue();
            assertThat(term.endDate() == null || term.startDate() == null || !term.endDate().isBefore(term.startDate()))
                    .as(contract.term()).isTrue();
        }
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
