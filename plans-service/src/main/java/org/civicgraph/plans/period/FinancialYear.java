package org.civicgraph.plans.period;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK financial year, 1 April to 31 March, written {@code 2020/21}. Also read: {@code 2020-21}, {@code 2020/2021},
 * {@code 2020-2021}; the second year must follow the first.
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})");

    public FinancialYear {
        if (startYear < 1900 || startYear > 2999) {
            throw new IllegalArgumentException("A financial year must start between 1900 and 2999; got " + startYear);
        }
    }

    public static FinancialYear parse(String text) {
        Matcher matcher = WRITTEN.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a financial year such as 2020/21");
        }
        return of(matcher.group(1), matcher.group(2), text);
    }

    /** The year from its two written halves, such as "2020" and "21" or "2021"; the second must be the year after the first. */
    static FinancialYear of(String start, String end, String asWritten) {
        int startYear = Integer.parseInt(start);
        int endYear = end.length() == 2 ? (startYear + 1) / 100 * 100 + Integer.parseInt(end) : Integer.parseInt(end);
        if (endYear != startYear + 1) {
            throw new IllegalArgumentException("'" + asWritten + "' does not name one financial year: "
                    + start + " must be followed by " + (startYear + 1));
        }
        return new FinancialYear(startYear);
    }

    /** The financial year a date falls in: 31 March 2021 is in 2020/21, 1 April 2021 in 2021/22. */
    public static FinancialYear containing(LocalDate date) {
        return new FinancialYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    public FinancialYear next() {
        return new FinancialYear(startYear + 1);
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    /** {@code 2020/21} */
    @Override
    public String toString() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }
}
