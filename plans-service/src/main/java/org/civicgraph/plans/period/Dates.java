package org.civicgraph.plans.period;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates in inputs are ISO calendar dates, {@code 2021-07-31}. */
public final class Dates {

    private Dates() {
    }

    /** The date, or null when none is given; a date that cannot be read is refused naming the field. */
    public static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a date written 2021-07-31; '" + text + "' is not");
        }
    }

    /** The period, read in any of the forms {@link ReportingPeriod#parse} knows; refused naming the field otherwise. */
    public static ReportingPeriod period(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, field + " must name a quarter, such as 2020/21 Q4");
        }
        try {
            return ReportingPeriod.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }
}
