package org.civicgraph.contracts.contract;

import org.springframework.data.mongodb.core.query.Criteria;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One time-driven occasion of one contract, such as "the review of camhs due on 2018-01-31".
 *
 * @param key          names the occasion within the contract, so it is announced once: the review by its date, an
 *                     extension decision by its option, an expiry by the end date, an overdue rating by its due date
 * @param dueDate      the day the occasion is about: the review's date, the day to decide the option by, the day the
 *                     contract ends, the day the rating was due by
 * @param becomesDueOn the day it is announced: the review's date; the start of the notice period before the current
 *                     period ends (or the day the previous option was decided, if later); the day after the rating was due
 * @param details      what the event says beyond the contract and the dates
 */
record DueOccasion(DueOccasionKind kind, String key, LocalDate dueDate, LocalDate becomesDueOn, Map<String, Object> details) {

    /** The contract's occasion of the given kind as things stand; null when it has none. */
    static DueOccasion of(DueOccasionKind kind, Contract contract, int noticeDays) {
        return switch (kind) {
            case REVIEW_DUE -> {
                ContractReview review = contract.getReview();
                if (review == null || review.dueDate() == null) {
                    yield null;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("reviewDate", review.asWritten());
                details.put("reviewDecides", review.decides() == null ? null : review.decides().name());
                yield new DueOccasion(kind, kind.name() + ":" + review.dueDate(), review.dueDate(), review.dueDate(), details);
            }
            case EXTENSION_DECISION_DUE, EXPIRING -> {
                ContractTerm term = contract.getTerm();
                LocalDate end = term.endDate();
                ExtensionOption next = term.nextAvailableOption();
                if (end == null || (kind == DueOccasionKind.EXTENSION_DECISION_DUE) != (next != null)) {
                    yield null;
                }
                LocalDate noticeStarts = end.minusDays(noticeDays);
                LocalDate lastDecision = term.extensionOptions().stream().map(ExtensionOption::decidedOn)
                        .filter(day -> day != null).max(LocalDate::compareTo).orElse(null);
                LocalDate becomes = lastDecision != null && lastDecision.isAfter(noticeStarts) ? lastDecision : noticeStarts;
                if (becomes.isAfter(end)) {
                    yield null;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("endDate", end.toString());
                details.put("maxExtentDate", term.maxExtentDate() == null ? null : term.maxExtentDate().toString());
                details.put("noticeDays", noticeDays);
                if (next != null) {
                    details.put("option", next.number());
                    details.put("optionEndDate", next.endDate() == null ? null : next.endDate().toString());
                    yield new DueOccasion(kind, kind.name() + ":option-" + next.number(), noticeStarts, becomes, details);
                }
                yield new DueOccasion(kind, kind.name() + ":" + end, end, becomes, details);
            }
            case RATING_OVERDUE -> {
                LocalDate dueBy = contract.getRatingDueDate();
                if (dueBy == null) {
                    yield null;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("lastRatedOn", contract.getRatings().stream()
                        .filter(rating -> rating.scale() == RatingScale.PROCUREMENT_ACT_2023 && rating.ratedOn() != null)
                        .map(rating -> rating.ratedOn().toString()).max(String::compareTo).orElse(null));
                details.put("value", contract.getValue() == null ? null : contract.getValue().toPlainString());
                yield new DueOccasion(kind, kind.name() + ":" + dueBy, dueBy, dueBy.plusDays(1), details);
            }
        };
    }

    /**
     * Contracts whose occasion of this kind may have become due from {@code from} to {@code through}, both included,
     * in a form the indexes serve ({@link Contract}'s review, term end, option decision and rating due indexes). A
     * superset: {@link #of} and the dates decide.
     */
    static Criteria mayBecomeDue(DueOccasionKind kind, LocalDate from, LocalDate through, int noticeDays) {
        return switch (kind) {
            case REVIEW_DUE -> Criteria.where("review.dueDate").gte(from).lte(through);
            case EXTENSION_DECISION_DUE -> new Criteria().andOperator(noticeStartsOrDecided(from, through, noticeDays),
                    Criteria.where("term.extensionOptions.state").is(OptionState.AVAILABLE));
            case EXPIRING -> new Criteria().andOperator(noticeStartsOrDecided(from, through, noticeDays),
                    Criteria.where("term.extensionOptions.state").ne(OptionState.AVAILABLE));
            case RATING_OVERDUE -> Criteria.where("ratingDueDate").gte(from.minusDays(1)).lte(through.minusDays(1));
        };
    }

    private static Criteria noticeStartsOrDecided(LocalDate from, LocalDate through, int noticeDays) {
        return new Criteria().orOperator(
                Criteria.where("term.endDate").gte(from.plusDays(noticeDays)).lte(through.plusDays(noticeDays)),
                new Criteria().andOperator(Criteria.where("term.extensionOptions.decidedOn").gte(from).lte(through),
                        Criteria.where("term.endDate").gte(from)));
    }

    boolean becomesDueBetween(LocalDate from, LocalDate through) {
        return !becomesDueOn.isBefore(from) && !becomesDueOn.isAfter(through);
    }
}
