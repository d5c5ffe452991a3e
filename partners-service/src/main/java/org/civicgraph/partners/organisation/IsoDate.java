package org.civicgraph.partners.organisation;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates arrive as ISO text ({@code 2022-07-01}); anything else is refused naming the field. */
public final class IsoDate {

    private IsoDate() {
    }

    public static LocalDate parse(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a date such as 2022-07-01; got '" + text + "'");
        }
    }
}
