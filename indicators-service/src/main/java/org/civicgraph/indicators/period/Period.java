package org.civicgraph.indicators.period;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The time a value is about, kept as the source wrote it ({@code label}) and read into its first and last day.
 * Two periods with the same days are the same period however they were written ({@code 2019/20} and
 * {@code 2019/2020}; {@code 2021 provisional} and {@code 2021}), so a later publication for it revises the value.
 *
 * @param provisional whether the label says the figures are provisional
 */
public record Period(String label, PeriodType type, LocalDate start, LocalDate end, boolean provisional) {

    /** Reads a period as councils and Fingertips write them; see {@link PeriodParser}. */
    public static Period parse(String label) {
        return PeriodParser.parse(label);
    }

    /** Identifies the days covered, whatever the label. */
    public String key() {
        return start + ".." + end;
    }

    /** Whether the two cover the same days, however each was written. */
    public boolean sameDaysAs(Period other) {
        return start.equals(other.start) && end.equals(other.end);
    }

    /** Whole months covered: 12 for a year, 1 for a month. */
    public long months() {
        return ChronoUnit.MONTHS.between(start, end.plusDays(1));
    }

    /** Whether a trend may put the two periods side by side: written the same way and as long as each other. */
    public boolean isComparableWith(Period other) {
        return type == other.type && months() == other.months();
    }

    public boolean overlaps(Period other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }
}
