package org.civicgraph.contracts.contract;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the dates councils write in reports: "Sep 2022", "Mar 18", "June 2020", "31 March 2021", "2016/2017". */
final class WrittenDates {

    static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    /** A month and a year of two or four digits; groups: month, year. */
    static final String MONTH_YEAR = MONTH + "\\s+(\\d{4}|\\d{2})\\b";
    /** A day, month and year; groups: day, month, year. */
    static final String DAY_MONTH_YEAR = "(\\d{1,2})\\s+" + MONTH + "\\s+(\\d{4})\\b";

    private static final Pattern MONTH_YEAR_ANYWHERE = Pattern.compile("\\b" + MONTH_YEAR, Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR_ANYWHERE = Pattern.compile("\\b" + DAY_MONTH_YEAR, Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twelve", 12));

    private WrittenDates() {
    }

    static Month month(String written) {
        String prefix = written.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException("Not a month: " + written);
    }

    static int year(String written) {
        int year = Integer.parseInt(written);
        return written.length() == 2 ? 2000 + year : year;
    }

    static YearMonth yearMonth(String month, String year) {
        return YearMonth.of(year(year), month(month));
    }

    static LocalDate date(String day, String month, String year) {
        return LocalDate.of(year(year), month(month), Integer.parseInt(day));
    }

    /** "3", "three" or "Three" as a number; null when it is neither. */
    static Integer number(String written) {
        if (written.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(written);
        }
        return NUMBERS.get(written.toLowerCase(Locale.ROOT));
    }

    /** The first "10 October 2017" in the text, if any. */
    static LocalDate firstDayMonthYear(String text) {
        Matcher matcher = DAY_MONTH_YEAR_ANYWHERE.matcher(text);
        return matcher.find() ? date(matcher.group(1), matcher.group(2), matcher.group(3)) : null;
    }

    /** The first "Sep 2017" in the text, if any. */
    static YearMonth firstMonthYear(String text) {
        Matcher matcher = MONTH_YEAR_ANYWHERE.matcher(text);
        return matcher.find() ? yearMonth(matcher.group(1), matcher.group(2)) : null;
    }

    /** The last day of the financial year that starts in April of the given year (2018/19 ends on 31 March 2019). */
    static LocalDate endOfFinancialYearStarting(int year) {
        return LocalDate.of(year + 1, Month.MARCH, 31);
    }
}
