package org.civicgraph.contracts.contract;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads when a review is due from the words of a report: a day ("10 October 2017"), else the first month named
 * ("Jan 2019", "April 2018-March 2019"), else a financial year ("2018-19") or a year ("2018"); or a recurrence
 * ("Yearly", "Continuous"). Anything else keeps only the words.
 */
final class ReviewInterpreter {

    private static final Pattern FINANCIAL_YEAR = Pattern.compile("\\b(\\d{4})\\s*[-/]\\s*(\\d{2})\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(\\d{4})\\b");
    private static final Pattern YEARLY = Pattern.compile("(?i)^(yearly|annually|annual|each year|every year|december|"
            + "january|february|march|april|may|june|july|august|september|october|november)$");
    private static final Pattern CONTINUOUS = Pattern.compile("(?i).*\\b(continuous|ongoing)\\b.*");

    private ReviewInterpreter() {
    }

    static ContractReview interpret(String asWritten, ReviewDecision decides) {
        ReviewDecision decision = decides == null ? ReviewDecision.NOT_STATED : decides;
        if (asWritten == null || asWritten.isBlank()) {
            return new ContractReview(asWritten, null, null, null, decision);
        }
        String text = asWritten.strip();
        LocalDate day = WrittenDates.firstDayMonthYear(text);
        if (day != null) {
            return new ContractReview(asWritten, day, DatePrecision.DAY, ReviewRecurrence.ONCE, decision);
        }
        YearMonth month = WrittenDates.firstMonthYear(text);
        if (month != null) {
            return new ContractReview(asWritten, month.atEndOfMonth(), DatePrecision.MONTH, ReviewRecurrence.ONCE, decision);
        }
        if (YEARLY.matcher(text).matches()) {
            return new ContractReview(asWritten, null, null, ReviewRecurrence.YEARLY, decision);
        }
        if (CONTINUOUS.matcher(text).matches()) {
            return new ContractReview(asWritten, null, null, ReviewRecurrence.CONTINUOUS, decision);
        }
        Matcher financialYear = FINANCIAL_YEAR.matcher(text);
        if (financialYear.find() && Integer.parseInt(financialYear.group(2)) == (Integer.parseInt(financialYear.group(1)) + 1) % 100) {
            return new ContractReview(asWritten, WrittenDates.endOfFinancialYearStarting(Integer.parseInt(financialYear.group(1))),
                    DatePrecision.YEAR, ReviewRecurrence.ONCE, decision);
        }
        Matcher year = YEAR.matcher(text);
        if (year.find()) {
            return new ContractReview(asWritten, LocalDate.of(Integer.parseInt(year.group(1)), Month.DECEMBER, 31),
                    DatePrecision.YEAR, ReviewRecurrence.ONCE, decision);
        }
        return new ContractReview(asWritten, null, null, null, decision);
    }
}
