package org.civicgraph.indicators.period;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the ways the source documents and Fingertips write periods. */
final class PeriodParser {

    private static final Pattern PROVISIONAL = Pattern.compile("(?i)\\s*\\(?provisional\\)?\\s*$");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{2}|\\d{4})\\s*/\\s*(\\d{2}|\\d{4})");
    private static final Pattern MONTH_RANGE = Pattern.compile("(\\d{1,2})/(\\d{4})\\s*-\\s*(\\d{1,2})/(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("([A-Za-z]{3,9})[\\s-]+(\\d{2}|\\d{4})");
    /** Fingertips' pooled years: 2018 - 20 is the three calendar years 2018 to 2020. */
    private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})\\s*-\\s*(\\d{2}|\\d{4})");
    /** Fingertips' pooled financial years: 2017/18 - 19/20 runs from April 2017 to March 2020. */
    private static final Pattern FINANCIAL_YEAR_RANGE = Pattern.compile("(\\d{4})\\s*/\\s*(\\d{2})\\s*-\\s*(\\d{2}|\\d{4})\\s*/\\s*(\\d{2})");

    private PeriodParser() {
    }

    static Period parse(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("A period is required, such as 2019, 2019/20, May-21 or 04/2020-12/2020");
        }
        String written = label.strip();
        Matcher provisionalSuffix = PROVISIONAL.matcher(written);
        boolean provisional = provisionalSuffix.find();
        String text = provisional ? written.substring(0, provisionalSuffix.start()).strip() : written;
        try {
            Matcher m;
            if ((m = YEAR.matcher(text)).matches()) {
                int year = Integer.parseInt(m.group(1));
                return new Period(written, PeriodType.CALENDAR_YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), provisional);
            }
            if ((m = FINANCIAL_YEAR.matcher(text)).matches()) {
                return financialYear(written, m.group(1), m.group(2), provisional);
            }
            if ((m = MONTH_RANGE.matcher(text)).matches()) {
                YearMonth from = YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                YearMonth to = YearMonth.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)));
                if (to.isBefore(from)) {
                    throw new IllegalArgumentException("The period " + written + " ends before it starts");
                }
                return new Period(written, PeriodType.CUSTOM_RANGE, from.atDay(1), to.atEndOfMonth(), provisional);
            }
            if ((m = YEAR_RANGE.matcher(text)).matches()) {
                int from = Integer.parseInt(m.group(1));
                int to = m.group(2).length() == 4 ? Integer.parseInt(m.group(2)) : from / 100 * 100 + Integer.parseInt(m.group(2));
                if (to <= from) {
                    throw new IllegalArgumentException("The period " + written + " ends before it starts");
                }
                return new Period(written, PeriodType.CUSTOM_RANGE, LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31), provisional);
            }
            if ((m = FINANCIAL_YEAR_RANGE.matcher(text)).matches()) {
                Period first = financialYear(written, m.group(1), m.group(2), provisional);
                Period last = financialYear(written, m.group(3), m.group(4), provisional);
                if (!last.start().isAfter(first.start())) {
                    throw new IllegalArgumentException("The period " + written + " ends before it starts");
                }
                return new Period(written, PeriodType.CUSTOM_RANGE, first.start(), last.end(), provisional);
            }
            if ((m = MONTH.matcher(text)).matches()) {
                YearMonth month = YearMonth.of(fullYear(m.group(2)), month(m.group(1), written));
                return new Period(written, PeriodType.MONTH, month.atDay(1), month.atEndOfMonth(), provisional);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("The period " + written + " names a month or year that does not exist");
        }
        throw new IllegalArgumentException("Cannot read the period " + written
                + "; write a year (2019), a financial year (2019/20), a month (May-21), a range of months (04/2020-12/2020)"
                + " or of years (2018 - 20, 2017/18 - 19/20)");
    }

    private static Period financialYear(String written, String first, String second, boolean provisional) {
        int startYear = fullYear(first);
        int endYear = startYear + 1;
        boolean runsIntoNextYear = second.length() == 4 ? Integer.parseInt(second) == endYear : Integer.parseInt(second) == endYear % 100;
        if (!runsIntoNextYear) {
            throw new IllegalArgumentException("The period " + written + " is not a financial year: the second year must follow the first, as in 2019/20");
        }
        return new Period(written, PeriodType.FINANCIAL_YEAR, LocalDate.of(startYear, 4, 1), LocalDate.of(endYear, 3, 31), provisional);
    }

    /** A two-digit year is in this century: the documents go back to the 2010s. */
    private static int fullYear(String digits) {
        return digits.length() == 4 ? Integer.parseInt(digits) : 2000 + Integer.parseInt(digits);
    }

    private static Month month(String name, String written) {
        for (Month month : Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.UK);
            if (full.equalsIgnoreCase(name) || (name.length() == 3 && full.substring(0, 3).equalsIgnoreCase(name))) {
                return month;
            }
        }
        throw new IllegalArgumentException("The period " + written + " does not name a month");
    }
}
