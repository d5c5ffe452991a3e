package org.civicgraph.plans.period;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of a UK financial year: Q1 is April-June, Q4 January-March, so the quarter reported as
 * "Q4 (January-March 2021)" is {@code 2020/21 Q4}. Printed that way, which also sorts in time order as text.
 *
 * <p>Read from any of the ways councils write it, case and spacing aside:
 * <ul>
 *   <li>{@code 2020/21 Q4}, {@code 2020-21 Q4}, {@code 2020/2021 Quarter 4}, {@code Q4 2020/21}</li>
 *   <li>{@code Q4 (January-March 2021)}, {@code Q4 (Jan - Mar 2021)}, {@code January to March 2021}</li>
 *   <li>{@code 2020-Q4}: quarter 4 of the financial year that starts in 2020</li>
 * </ul>
 * A quarter number that disagrees with the months written beside it is refused rather than guessed at.
 */
public record ReportingPeriod(FinancialYear year, int quarter) implements Comparable<ReportingPeriod> {

    private static final String YEAR = "(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})";
    private static final String QUARTER = "(?:q|quarter)\\s*(\\d)";
    private static final String MONTH = "([a-z]+)\\.?";
    private static final Pattern YEAR_THEN_QUARTER = Pattern.compile(YEAR + "\\s*[,-]?\\s*" + QUARTER);
    private static final Pattern QUARTER_THEN_YEAR = Pattern.compile(QUARTER + "\\s*,?\\s*" + YEAR);
    private static final Pattern START_YEAR_DASH_QUARTER = Pattern.compile("(\\d{4})\\s*-\\s*q(\\d)");
    private static final Pattern MONTHS = Pattern.compile("(?:" + QUARTER + "\\s*)?\\(?\\s*" + MONTH
            + "\\s*(?:-|–|to)\\s*" + MONTH + "\\s+(\\d{4})\\s*\\)?");

    public ReportingPeriod {
        if (year == null) {
            throw new IllegalArgumentException("A reporting period needs a financial year");
        }
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("A financial year has quarters 1 to 4; got " + quarter);
        }
    }

    public static ReportingPeriod of(int startYear, int quarter) {
        return new ReportingPeriod(new FinancialYear(startYear), quarter);
    }

    /** The quarter a date falls in. */
    public static ReportingPeriod containing(LocalDate date) {
        FinancialYear year = FinancialYear.containing(date);
        int monthsIntoYear = (date.getMonthValue() - Month.APRIL.getValue() + 12) % 12;
        return new ReportingPeriod(year, monthsIntoYear / 3 + 1);
    }

    /** Reads a period in any of the forms above; throws {@link IllegalArgumentException} saying what was expected. */
    public static ReportingPeriod parse(String text) {
        String normalised = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher matcher = YEAR_THEN_QUARTER.matcher(normalised);
        if (matcher.matches()) {
            return new ReportingPeriod(FinancialYear.of(matcher.group(1), matcher.group(2), text), quarter(matcher.group(3)));
        }
        matcher = QUARTER_THEN_YEAR.matcher(normalised);
        if (matcher.matches()) {
            return new ReportingPeriod(FinancialYear.of(matcher.group(2), matcher.group(3), text), quarter(matcher.group(1)));
        }
        matcher = START_YEAR_DASH_QUARTER.matcher(normalised);
        if (matcher.matches()) {
            return new ReportingPeriod(new FinancialYear(Integer.parseInt(matcher.group(1))), quarter(matcher.group(2)));
        }
        matcher = MONTHS.matcher(normalised);
        if (matcher.matches()) {
            return fromMonths(text, matcher.group(1), month(matcher.group(2), text), month(matcher.group(3), text),
                    Integer.parseInt(matcher.group(4)));
        }
        throw new IllegalArgumentException("'" + text + "' is not a reporting period; write it as 2020/21 Q4, "
                + "Q4 (January-March 2021) or 2020-Q4 (Q1 is April-June)");
    }

    private static ReportingPeriod fromMonths(String text, String writtenQuarter, Month first, Month last, int calendarYear) {
        if ((first.getValue() - Month.APRIL.getValue() + 12) % 3 != 0 || last != first.plus(2)) {
            throw new IllegalArgumentException("'" + text + "': " + name(first) + " to " + name(last)
                    + " is not a quarter of the financial year (April-June, July-September, October-December, January-March)");
        }
        ReportingPeriod period = containing(LocalDate.of(calendarYear, first, 1));
        if (writtenQuarter != null && quarter(writtenQuarter) != period.quarter) {
            throw new IllegalArgumentException("'" + text + "': " + name(first) + " to " + name(last)
                    + " is Q" + period.quarter + " of the financial year, not Q" + writtenQuarter);
        }
        return period;
    }

    private static int quarter(String digit) {
        int quarter = Integer.parseInt(digit);
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("A financial year has quarters 1 to 4; got " + quarter);
        }
        return quarter;
    }

    private static Month month(String written, String text) {
        for (Month month : Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (written.length() >= 3 && full.startsWith(written)) {
                return month;
            }
        }
        throw new IllegalArgumentException("'" + text + "': '" + written + "' is not a month");
    }

    private static String name(Month month) {
        return month.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    public LocalDate firstDay() {
        return year.firstDay().plusMonths(3L * (quarter - 1));
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public ReportingPeriod next() {
        return quarter == 4 ? new ReportingPeriod(year.next(), 1) : new ReportingPeriod(year, quarter + 1);
    }

    public boolean isAfter(ReportingPeriod other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(ReportingPeriod other) {
        return compareTo(other) < 0;
    }

    /** {@code 2020-21-Q4}: the period in identifiers and paths. */
    public String slug() {
        return toString().replace('/', '-').replace(' ', '-');
    }

    @Override
    public int compareTo(ReportingPeriod other) {
        int byYear = year.compareTo(other.year);
        return byYear != 0 ? byYear : Integer.compare(quarter, other.quarter);
    }

    /** {@code 2020/21 Q4} */
    @Override
    public String toString() {
        return year + " Q" + quarter;
    }
}
