package org.civicgraph.contracts.contract;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A contract's term as written ("3 + 1 + 1 years (Sep 2022)") and as interpreted: a base period and extension
 * options, each with its own period and state. Dates follow OCDS: {@code startDate} and {@code endDate} are the
 * current period (the base period plus the options exercised so far, as amended), {@code maxExtentDate} the latest the
 * contract can run to if every option still available is exercised. The options still available follow one another
 * from the end of the current period, so an amendment that moves the end moves them with it, and an option exercised
 * later runs on from the amended end. What is not known stays null; what cannot be read at all is flagged with the
 * reason, never invented.
 *
 * @param baseMonths    length of the base period; null when the words do not give it
 * @param maximumMonths the ceiling of an {@link TermKind#UP_TO_MAXIMUM} term
 * @param flagReason    why the words could not be interpreted; null when they could
 */
public record ContractTerm(String asWritten, TermKind kind, DatePrecision precision, Integer baseMonths,
                           LocalDate baseEndDate, Integer maximumMonths, List<ExtensionOption> extensionOptions,
                           LocalDate startDate, LocalDate endDate, LocalDate maxExtentDate, String flagReason) {

    public ContractTerm {
        extensionOptions = extensionOptions == null ? List.of() : List.copyOf(extensionOptions);
    }

    static ContractTerm flagged(String asWritten, String reason) {
        return new ContractTerm(asWritten, TermKind.FLAGGED, null, null, null, null, List.of(), null, null, null, reason);
    }

    static ContractTerm openEnded(String asWritten, TermKind kind) {
        return new ContractTerm(asWritten, kind, null, null, null, null, List.of(), null, null, null, null);
    }

    static ContractTerm upTo(String asWritten, int maximumMonths) {
        return new ContractTerm(asWritten, TermKind.UP_TO_MAXIMUM, null, null, null, maximumMonths, List.of(), null, null, null, null);
    }

    /** A fixed term whose options follow one another from the end of the base period; any date may be unknown. */
    static ContractTerm fixed(String asWritten, DatePrecision precision, Integer baseMonths, LocalDate start,
                              LocalDate baseEnd, List<Integer> optionMonths) {
        List<ExtensionOption> options = new ArrayList<>();
        LocalDate previousEnd = baseEnd;
        for (int i = 0; i < optionMonths.size(); i++) {
            Integer months = optionMonths.get(i);
            LocalDate optionStart = previousEnd == null ? null : previousEnd.plusDays(1);
            LocalDate optionEnd = optionStart == null || months == null ? null : optionStart.plusMonths(months).minusDays(1);
            options.add(new ExtensionOption(i + 1, months, optionStart, optionEnd, OptionState.AVAILABLE, null, null));
            previousEnd = optionEnd;
        }
        return new ContractTerm(asWritten, TermKind.FIXED, precision, baseMonths, baseEnd, null, options, start,
                baseEnd, null, null).followedByAvailableOptions();
    }

    public boolean flaggedForReview() {
        return kind == TermKind.FLAGGED;
    }

    /** The first option still open, which is the next to decide. */
    ExtensionOption nextAvailableOption() {
        return extensionOptions.stream().filter(option -> option.state() == OptionState.AVAILABLE).findFirst().orElse(null);
    }

    ContractTerm exercise(int number, LocalDate on, String note) {
        ExtensionOption option = option(number);
        switch (option.state()) {
            case EXERCISED -> throw new InvalidInputException("option", "Option " + number + " was already exercised on "
                    + option.decidedOn() + "; an option can be exercised only once");
            case DECLINED -> throw new InvalidInputException("option", "Option " + number + " was declined on "
                    + option.decidedOn() + " and can no longer be exercised");
            case AVAILABLE -> {
            }
        }
        if (number > 1 && option(number - 1).state() != OptionState.EXERCISED) {
            throw new InvalidInputException("option", "Option " + (number - 1) + " must be exercised before option " + number);
        }
        ExtensionOption exercised = option.followingOn(endDate).decided(OptionState.EXERCISED, on, note);
        List<ExtensionOption> options = new ArrayList<>(extensionOptions);
        options.set(number - 1, exercised);
        return withOptions(options, exercised.endDate());
    }

    /** Declining an option ends the contract with its current period, so the options after it lapse with it. */
    ContractTerm decline(int number, LocalDate on, String note) {
        ExtensionOption option = option(number);
        if (option.state() != OptionState.AVAILABLE) {
            throw new InvalidInputException("option", "Option " + number + " was already " + option.state().name().toLowerCase()
                    + " on " + option.decidedOn() + "; only an available option can be declined");
        }
        List<ExtensionOption> options = new ArrayList<>(extensionOptions);
        options.set(number - 1, option.decided(OptionState.DECLINED, on, note));
        for (int later = number; later < options.size(); later++) {
            if (options.get(later).state() == OptionState.AVAILABLE) {
                options.set(later, options.get(later).decided(OptionState.DECLINED, on, "Lapsed: option " + number + " was declined"));
            }
        }
        return withOptions(options, endDate);
    }

    /** The term after an amendment set its start or end; the options still available follow on from the new end. */
    ContractTerm withPeriod(LocalDate newStart, LocalDate newEnd) {
        return new ContractTerm(asWritten, kind, precision, baseMonths, baseEndDate, maximumMonths, extensionOptions,
                newStart, newEnd, null, flagReason).followedByAvailableOptions();
    }

    private ExtensionOption option(int number) {
        if (extensionOptions.isEmpty()) {
            throw new InvalidInputException("option", "This contract has no extension options (term as written: " + asWritten + ")");
        }
        if (number < 1 || number > extensionOptions.size()) {
            throw new InvalidInputException("option", "This contract has options 1 to " + extensionOptions.size()
                    + "; there is no option " + number);
        }
        return extensionOptions.get(number - 1);
    }

    /**
     * The term after a decision on an option, with the current period ending on the given day. The end is carried over
     * from the current period (declined) or from the option exercised, never worked out again from the base period:
     * that would undo an amendment of the end.
     */
    private ContractTerm withOptions(List<ExtensionOption> options, LocalDate end) {
        return new ContractTerm(asWritten, kind, precision, baseMonths, baseEndDate, maximumMonths, options, startDate,
                end, null, flagReason).followedByAvailableOptions();
    }

    /**
     * The options still available dated one after another from the end of the current period, and the latest extent
     * through them: the current end when none is left, unknown when the end or an option's length is.
     */
    private ContractTerm followedByAvailableOptions() {
        List<ExtensionOption> options = new ArrayList<>();
        LocalDate previousEnd = endDate;
        for (ExtensionOption option : extensionOptions) {
            if (option.state() == OptionState.AVAILABLE) {
                option = option.followingOn(previousEnd);
                previousEnd = option.endDate();
            }
            options.add(option);
        }
        return new ContractTerm(asWritten, kind, precision, baseMonths, baseEndDate, maximumMonths, options,
                startDate, endDate, previousEnd, flagReason);
    }
}
