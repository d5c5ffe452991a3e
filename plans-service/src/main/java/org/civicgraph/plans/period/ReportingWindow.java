package org.civicgraph.plans.period;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The quarters a plan reports on, first to last, both included. */
public record ReportingWindow(ReportingPeriod first, ReportingPeriod last) {

    private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})\\s*-\\s*(\\d{2}|\\d{4})");

    /**
     * The window of a plan period written as a year range, read as financial years: "2020-2024" and "2020-24" run
     * from 2020/21 Q1 to 2023/24 Q4, "2022-2022" is the one year 2022/23. Empty for a period that is not a year
     * range ("five-year"), whose plan accepts updates for any quarter.
     */
    public static Optional<ReportingWindow> ofPlanPeriod(String period) {
        Matcher matcher = YEAR_RANGE.matcher(period == null ? "" : period.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(matcher.group(1));
        String end = matcher.group(2);
        int endYear = end.length() == 2 ? start / 100 * 100 + Integer.parseInt(end) : Integer.parseInt(end);
        if (endYear < start) {
            return Optional.empty();
        }
        return Optional.of(new ReportingWindow(ReportingPeriod.of(start, 1), ReportingPeriod.of(Math.max(start, endYear - 1), 4)));
    }

    public boolean contains(ReportingPeriod period) {
        return !period.isBefore(first) && !period.isAfter(last);
    }

    @Override
    public String toString() {
        return first + " to " + last;
    }
}
