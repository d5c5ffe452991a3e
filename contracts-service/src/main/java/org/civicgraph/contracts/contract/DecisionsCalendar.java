package org.civicgraph.contracts.contract;

import org.civicgraph.contracts.ContractsProperties;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The decisions contracts need in the days ahead: reviews due, extension options to decide (a notice period before
 * the current period ends, and still open if that day has passed), and contracts ending with no option left.
 * Reviews written only as a recurrence ("Yearly") have no date and do not appear.
 */
@Service
class DecisionsCalendar {

    static final int MAX_DAYS = 366;
    private static final Comparator<ContractDecision> ORDER = Comparator.comparing(ContractDecision::dueDate)
            .thenComparing(decision -> decision.contract().getId()).thenComparing(ContractDecision::kind);

    private final ContractRegister register;
    private final int noticeDays;

    DecisionsCalendar(ContractRegister register, ContractsProperties properties) {
        this.register = register;
        this.noticeDays = properties.extensionNoticeDays();
    }

    List<ContractDecision> decisions(LocalDate from, int days, String ownerOrganisation) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "days must be between 1 and " + MAX_DAYS + "; you asked for " + days);
        }
        LocalDate to = from.plusDays(days - 1L);
        List<ContractDecision> decisions = new ArrayList<>();
        for (Contract contract : register.reviewedOrEndingBetween(from, to, to.plusDays(noticeDays), ownerOrganisation)) {
            ContractReview review = contract.getReview();
            if (review != null && review.dueDate() != null && within(review.dueDate(), from, to)) {
                decisions.add(new ContractDecision(DecisionKind.REVIEW_DUE, review.dueDate(), contract, null, false));
            }
            LocalDate end = contract.getTerm().endDate();
            if (end == null || end.isBefore(from)) {
                continue;
            }
            ExtensionOption next = contract.getTerm().nextAvailableOption();
            if (next != null) {
                LocalDate decideBy = end.minusDays(noticeDays);
                if (!decideBy.isAfter(to)) {
                    decisions.add(new ContractDecision(DecisionKind.EXTENSION_DECISION_DUE, decideBy, contract, next.number(),
                            decideBy.isBefore(from)));
                }
            } else if (!end.isAfter(to)) {
                decisions.add(new ContractDecision(DecisionKind.EXPIRING, end, contract, null, false));
            }
        }
        decisions.sort(ORDER);
        return decisions;
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
