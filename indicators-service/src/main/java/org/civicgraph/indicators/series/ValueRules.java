package org.civicgraph.indicators.series;

import org.civicgraph.indicators.indicator.Unit;
import org.civicgraph.indicators.period.Period;
import org.civicgraph.platform.graphql.InvalidInputException;

import java.time.Instant;

/** Checks a value before it is published, naming the field at fault. */
public final class ValueRules {

    private ValueRules() {
    }

    public static Period period(String label) {
        try {
            return Period.parse(label);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("period", e.getMessage());
        }
    }

    static Reading reading(PublishValueInput input, Unit unit, Period period, String publishedBy) {
        return reading(input, unit, period, publishedBy, Instant.now());
    }

    /** Checks the figures of a value as {@link #reading} does, for an import that checks every row before applying any. */
    public static void check(PublishValueInput input, Unit unit, Period period) {
        reading(input, unit, period, null, null);
    }

    static Reading reading(PublishValueInput input, Unit unit, Period period, String publishedBy, Instant publishedAt) {
        String unavailableReason = blankToNull(input.unavailableReason());
        if (unavailableReason != null && input.value() != null) {
            throw new InvalidInputException("value", "Leave value out when the value is unavailable; unavailableReason says why there is none");
        }
        if (unavailableReason == null && input.value() == null) {
            throw new InvalidInputException("value", "value is required, unless unavailableReason says why there is none");
        }
        if (input.value() != null) {
            checkRange(unit, input.value());
        }
        checkInterval("95", input.value(), input.lower95(), input.upper95());
        checkInterval("998", input.value(), input.lower998(), input.upper998());
        if (input.lower95() != null && input.lower998() != null && (input.lower998() > input.lower95() || input.upper998() < input.upper95())) {
            throw new InvalidInputException("lower998", "The 99.8% interval must contain the 95% interval");
        }
        if (input.count() != null && input.count() < 0) {
            throw new InvalidInputException("count", "count must not be negative");
        }
        if (input.denominator() != null && input.denominator() <= 0) {
            throw new InvalidInputException("denominator", "denominator must be greater than zero");
        }
        boolean provisional = period.provisional() || Boolean.TRUE.equals(input.provisional());
        return new Reading(period.label(), input.value(), input.lower95(), input.upper95(), input.lower998(), input.upper998(),
                input.count(), input.denominator(), provisional, unavailableReason, blankToNull(input.note()), publishedAt, publishedBy);
    }

    private static void checkRange(Unit unit, double value) {
        if (unit == Unit.RATING_0_10 && (value < 0 || value > 10)) {
            throw new InvalidInputException("value", "A rating is between 0 and 10; got " + value);
        }
        if (unit != Unit.RATING_0_10 && unit != Unit.PERCENTAGE && unit != Unit.POUNDS && value < 0) {
            throw new InvalidInputException("value", "A value in " + unit + " cannot be negative; got " + value);
        }
    }

    private static void checkInterval(String level, Double value, Double lower, Double upper) {
        if ((lower == null) != (upper == null)) {
            throw new InvalidInputException(lower == null ? "lower" + level : "upper" + level, "Give both confidence limits or neither");
        }
        if (lower != null && (value == null || lower > value || upper < value)) {
            throw new InvalidInputException("lower" + level, "The confidence interval must contain the value: " + lower + " to " + upper);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
