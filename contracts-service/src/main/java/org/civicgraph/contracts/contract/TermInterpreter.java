package org.civicgraph.contracts.contract;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.civicgraph.contracts.contract.WrittenDates.DAY_MONTH_YEAR;
import static org.civicgraph.contracts.contract.WrittenDates.MONTH_YEAR;

/**
 * Interprets a term as councils write it. Each rule below reads one way of writing a term; words no rule reads are
 * flagged for review with the reason, and nothing is made up. Where the words give a month or a year rather than a
 * day, the dates are that month's or year's first or last day and the term says so ({@link DatePrecision}).
 */
final class TermInterpreter {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final String COUNT = "(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)";
    private static final String UNIT = "(years?|months?)";
    /** "+ 1 + 1" after a base length; group: the options. */
    private static final String OPTIONS = "((?:\\s*\\+\\s*\\d+)+)";

    private static final List<Rule> RULES = List.of(
            rule("linked to (the )?individual needs.*", (m, text) -> ContractTerm.openEnded(text, TermKind.NEEDS_LED)),
            rule("(various\\s*-\\s*)?ongoing( projects)?", (m, text) -> ContractTerm.openEnded(text, TermKind.ONGOING)),
            rule("up to " + COUNT + "\\s*" + UNIT, (m, text) -> ContractTerm.upTo(text, months(m.group(1), m.group(2)))),
            // 5 years +5 Midnight 31 March 2021 or Midnight 31 March 2026 if extended
            rule(COUNT + "\\s*" + UNIT + "\\s*\\+\\s*(\\d+)(?:\\s*" + UNIT + ")?\\D*?" + DAY_MONTH_YEAR
                    + "\\s+or\\D*?" + DAY_MONTH_YEAR + "\\s+if extended", TermInterpreter::baseAndOptionToWrittenDates),
            // 3 + 1 + 1 years (Sep 2022), 2 + 1 years (Mar 2019): the month is the latest the contract can run to
            rule("(\\d+)" + OPTIONS + "\\s*" + UNIT + "\\s*\\(" + MONTH_YEAR + "\\)", TermInterpreter::optionsEndingBy),
            // 12 months (Mar 2018), 2 years (Mar 18)
            rule(COUNT + "\\s*" + UNIT + "\\s*\\(" + MONTH_YEAR + "\\)", (m, text) -> {
                LocalDate end = WrittenDates.yearMonth(m.group(3), m.group(4)).atEndOfMonth();
                int months = months(m.group(1), m.group(2));
                return ContractTerm.fixed(text, DatePrecision.MONTH, months, startOf(end, months), end, List.of());
            }),
            // 2020 + 2 + 2 years: the base period ends in 2020, then two options of two years
            rule("(\\d{4})" + OPTIONS + "\\s*" + UNIT, (m, text) -> {
                int unit = monthsPerUnit(m.group(3));
                List<Integer> options = numbers(m.group(2)).stream().map(n -> n * unit).toList();
                return ContractTerm.fixed(text, DatePrecision.YEAR, null, null, LocalDate.of(Integer.parseInt(m.group(1)), Month.DECEMBER, 31), options);
            }),
            // Three years: 2016/2017 to 2018/2019, in financial years running April to March
            rule(COUNT + "\\s*years?\\s*:\\s*(\\d{4})/(\\d{2}|\\d{4})\\s+to\\s+(\\d{4})/(\\d{2}|\\d{4})", TermInterpreter::financialYears),
            // Two years ending March 2019
            rule(COUNT + "\\s*" + UNIT + "\\s+ending\\s+" + MONTH_YEAR, (m, text) -> {
                LocalDate end = WrittenDates.yearMonth(m.group(3), m.group(4)).atEndOfMonth();
                int months = months(m.group(1), m.group(2));
                return ContractTerm.fixed(text, DatePrecision.MONTH, months, startOf(end, months), end, List.of());
            }),
            // CMP2 will conclude in March 2018
            rule(".*\\b(?:conclude[sd]?|ends?|ending)\\s+(?:in\\s+)?" + MONTH_YEAR, (m, text) -> ContractTerm.fixed(text,
                    DatePrecision.MONTH, null, null, WrittenDates.yearMonth(m.group(1), m.group(2)).atEndOfMonth(), List.of())),
            // To 2019/20: runs to the end of that financial year
            rule("to (\\d{4})/(\\d{2}|\\d{4})", (m, text) -> ContractTerm.fixed(text, DatePrecision.DAY, null, null,
                    WrittenDates.endOfFinancialYearStarting(Integer.parseInt(m.group(1))), List.of())),
            // 2017-2020
            rule("(\\d{4})\\s*-\\s*(\\d{4})", (m, text) -> {
                int first = Integer.parseInt(m.group(1));
                int last = Integer.parseInt(m.group(2));
                if (last < first) {
                    return ContractTerm.flagged(text, "The years run backwards: " + first + " to " + last);
                }
                return ContractTerm.fixed(text, DatePrecision.YEAR, (last - first + 1) * 12, LocalDate.of(first, Month.JANUARY, 1),
                        LocalDate.of(last, Month.DECEMBER, 31), List.of());
            }),
            // 2027: a year alone is the year the contract ends
            rule("(\\d{4})", (m, text) -> ContractTerm.fixed(text, DatePrecision.YEAR, null, null,
                    LocalDate.of(Integer.parseInt(m.group(1)), Month.DECEMBER, 31), List.of())),
            rule("annual", (m, text) -> ContractTerm.fixed(text, null, 12, null, null, List.of())),
            // Three Years, 4 years, 5years, One year: a length with no dates
            rule(COUNT + "\\s*" + UNIT, (m, text) -> ContractTerm.fixed(text, null, months(m.group(1), m.group(2)), null, null, List.of())),
            rule("various", (m, text) -> ContractTerm.flagged(text, "No single term: the report says the terms vary")));

    private TermInterpreter() {
    }

    static ContractTerm interpret(String asWritten) {
        if (asWritten == null || asWritten.isBlank()) {
            return ContractTerm.flagged(asWritten, "No term given");
        }
        String text = normalise(asWritten);
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(text);
            if (matcher.matches()) {
                return rule.interpretation().apply(new Match(matcher, asWritten));
            }
        }
        return ContractTerm.flagged(asWritten, "Not a way of writing a term that can be interpreted; someone must read it: " + asWritten);
    }

    /**
     * The term with a known start date: anchors a term whose words give only lengths, and checks one whose words fix
     * the start already.
     */
    static ContractTerm interpret(String asWritten, LocalDate startDate) {
        ContractTerm term = interpret(asWritten);
        if (startDate == null) {
            return term;
        }
        if (term.startDate() != null) {
            if (!term.startDate().equals(startDate)) {
                throw new InvalidInputException("startDate", "The term as written ("
                        + asWritten + ") starts on " + term.startDate() + ", not " + startDate);
            }
            return term;
        }
        if (term.kind() == TermKind.FIXED && term.baseMonths() != null && term.baseEndDate() == null) {
            List<Integer> optionMonths = term.extensionOptions().stream().map(ExtensionOption::months).toList();
            return ContractTerm.fixed(asWritten, DatePrecision.DAY, term.baseMonths(), startDate,
                    startDate.plusMonths(term.baseMonths()).minusDays(1), optionMonths);
        }
        if (term.baseEndDate() != null && startDate.isAfter(term.baseEndDate())) {
            throw new InvalidInputException("startDate", "startDate " + startDate
                    + " is after the end of the term as written (" + term.baseEndDate() + ")");
        }
        return new ContractTerm(term.asWritten(), term.kind(), term.precision(), term.baseMonths(), term.baseEndDate(),
                term.maximumMonths(), term.extensionOptions(), startDate, term.endDate(), term.maxExtentDate(), term.flagReason());
    }

    private static ContractTerm optionsEndingBy(Match m, String text) {
        int unit = monthsPerUnit(m.group(3));
        int baseMonths = Integer.parseInt(m.group(1)) * unit;
        List<Integer> options = numbers(m.group(2)).stream().map(n -> n * unit).toList();
        LocalDate latest = WrittenDates.yearMonth(m.group(4), m.group(5)).atEndOfMonth();
        int total = baseMonths + options.stream().mapToInt(Integer::intValue).sum();
        LocalDate start = startOf(latest, total);
        return ContractTerm.fixed(text, DatePrecision.MONTH, baseMonths, start, start.plusMonths(baseMonths).minusDays(1), options);
    }

    private static ContractTerm baseAndOptionToWrittenDates(Match m, String text) {
        int baseMonths = months(m.group(1), m.group(2));
        int optionMonths = Integer.parseInt(m.group(3)) * monthsPerUnit(m.group(4) == null ? m.group(2) : m.group(4));
        LocalDate baseEnd = WrittenDates.date(m.group(5), m.group(6), m.group(7));
        LocalDate extendedEnd = WrittenDates.date(m.group(8), m.group(9), m.group(10));
        if (!baseEnd.plusMonths(optionMonths).equals(extendedEnd) && !YearMonth.from(baseEnd).plusMonths(optionMonths).atEndOfMonth().equals(extendedEnd)) {
            return ContractTerm.flagged(text, "The option of " + optionMonths + " months does not run from " + baseEnd + " to " + extendedEnd);
        }
        return ContractTerm.fixed(text, DatePrecision.DAY, baseMonths, startOf(baseEnd, baseMonths), baseEnd, List.of(optionMonths));
    }

    private static ContractTerm financialYears(Match m, String text) {
        Integer years = WrittenDates.number(m.group(1));
        int firstYear = Integer.parseInt(m.group(2));
        int lastYear = Integer.parseInt(m.group(4));
        int written = lastYear - firstYear + 1;
        if (years == null || years != written) {
            return ContractTerm.flagged(text, "The length (" + m.group(1) + " years) does not match the financial years named ("
                    + written + ")");
        }
        LocalDate start = LocalDate.of(firstYear, Month.APRIL, 1);
        return ContractTerm.fixed(text, DatePrecision.DAY, years * 12, start, WrittenDates.endOfFinancialYearStarting(lastYear), List.of());
    }

    /** The first day of a period of the given months that ends on the given day. */
    private static LocalDate startOf(LocalDate end, int months) {
        return end.plusDays(1).minusMonths(months);
    }

    private static int months(String count, String unit) {
        Integer number = WrittenDates.number(count);
        return number * monthsPerUnit(unit);
    }

    private static int monthsPerUnit(String unit) {
        return unit.toLowerCase(Locale.ROOT).startsWith("year") ? 12 : 1;
    }

    private static List<Integer> numbers(String plusSeparated) {
        return Arrays.stream(plusSeparated.split("\\+")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
    }

    /** Dashes of every kind become hyphens, and runs of spaces one space, so rules need not care how a report typed them. */
    private static String normalise(String text) {
        return text.strip().replaceAll("[\\u2010-\\u2015]", "-").replaceAll("\\s+", " ");
    }

    private static Rule rule(String regex, Interpretation interpretation) {
        return new Rule(Pattern.compile(regex, FLAGS), interpretation);
    }

    private record Rule(Pattern pattern, Interpretation interpretation) {
    }

    private interface Interpretation extends Function<Match, ContractTerm> {

        ContractTerm interpret(Match match, String asWritten);

        @Override
        default ContractTerm apply(Match match) {
            return interpret(match, match.asWritten());
        }
    }

    private record Match(Matcher matcher, String asWritten) {

        String group(int group) {
            return matcher.group(group);
        }
    }
}
