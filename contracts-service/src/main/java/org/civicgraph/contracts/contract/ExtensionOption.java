package org.civicgraph.contracts.contract;

import java.time.LocalDate;

/**
 * An option to extend a contract beyond its base period, numbered from 1 in the order they can be taken up.
 *
 * @param months    how long the option extends the contract; null when the words do not say
 * @param startDate the day after the period it follows ends; null when that is unknown
 * @param decidedOn when the buyer exercised or declined it
 * @param note      why it was decided so, or that it lapsed because an earlier option was declined
 */
public record ExtensionOption(int number, Integer months, LocalDate startDate, LocalDate endDate, OptionState state,
                              LocalDate decidedOn, String note) {

    ExtensionOption decided(OptionState newState, LocalDate on, String why) {
        return new ExtensionOption(number, months, startDate, endDate, newState, on, why);
    }

    /** The option dated to begin the day after the given end, for as many months as it runs; unknown dates stay null. */
    ExtensionOption followingOn(LocalDate previousEnd) {
        LocalDate start = previousEnd == null ? null : previousEnd.plusDays(1);
        LocalDate end = start == null || months == null ? null : start.plusMonths(months).minusDays(1);
        return new ExtensionOption(number, months, start, end, state, decidedOn, note);
    }
}
