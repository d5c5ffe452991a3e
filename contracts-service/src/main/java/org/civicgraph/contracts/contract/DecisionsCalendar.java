package org.civicgraph.contracts.contract;

import org.civicgraph.contracts.ContractsProperties;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The decisions contracts need in the days ahead: reviews due, extension options to decide (a notice period before
 * the current period ends, and still open if that day has passed), contracts ending with no option left, and ratings
 * due under the Procurement Act 2023 (still open if that day has passed). Reviews written only as a recurrence
 * ("Yearly") have no date and do not appear.
 * <p>
 * A page is read from the database, never worked out over all contracts. Normally through the {@link ContractLookup}:
 * one read of the months' entries and one of the page's contracts by id, each checked. While the lookup may be
 * incomplete, with one query per kind of decision, each in the order of its date field and id with the page's size as
 * its limit (served by the {@link Contract} indexes {@code review_due_id}, {@code term_end_id} and
 * {@code rating_due_id} on MongoDB), merged in date, contract and kind order. Either way the cursor is the last
 * entry's date, contract and kind, so the next page starts right after it.
 */
@Service
class DecisionsCalendar {

    static final int MAX_DAYS = 366;
    private static final Comparator<ContractDecision> ORDER = Comparator.comparing(ContractDecision::dueDate)
            .thenComparing(decision -> decision.contract().getId()).thenComparing(ContractDecision::kind);

    /** How far back a rating still unrated is looked for: the Procurement Act 2023 came into force in 2025. */
    private static final int RATING_YEARS_BACK = 10;

    private final MongoTemplate mongo;
    private final ContractLookup lookup;
    private final int noticeDays;

    DecisionsCalendar(MongoTemplate mongo, ContractLookup lookup, ContractsProperties properties) {
        this.mongo = mongo;
        this.lookup = lookup;
        this.noticeDays = properties.extensionNoticeDays();
    }

    Window<ContractDecision> decisions(LocalDate from, int days, String ownerOrganisation, ScrollPosition position, int size) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "days must be between 1 and " + MAX_DAYS + "; you asked for " + days);
        }
        LocalDate to = from.plusDays(days - 1L);
        Cursor after = Cursor.of(position);
        List<ContractDecision> candidates = fromLookup(from, to, ownerOrganisation, after, size);
        if (candidates == null) {
            candidates = fromQueries(from, to, ownerOrganisation, after, size);
        }
        List<ContractDecision> items = List.copyOf(candidates.subList(0, Math.min(size, candidates.size())));
        return Window.from(items, index -> Cursor.at(items.get(index)).position(), candidates.size() > size);
    }

    /**
     * Up to one more than a page, through the {@link ContractLookup}: the months' entries in one read, then the
     * contracts they name in order, a page at a time, each checked to be in the calendar as its entry says.
     * Null when the lookup may be incomplete.
     */
    List<ContractDecision> fromLookup(LocalDate from, LocalDate to, String owner, Cursor after, int size) {
        Map<String, String> fields = new LinkedHashMap<>();
        months("review", from, to, fields);
        months("end", from, to.plusDays(noticeDays), fields);
        months("rating", from.minusYears(RATING_YEARS_BACK), to, fields);
        Map<String, List<String>> entries = lookup.read(fields.keySet());
        if (entries == null) {
            return null;
        }
        Set<Candidate> candidates = new TreeSet<>();
        entries.forEach((key, list) -> {
            String field = fields.get(key);
            for (String entry : list) {
                String[] parts = entry.split("\\|");
                LocalDate day = LocalDate.parse(parts[0]);
                if (owner != null && !owner.equals(parts[2])) {
                    continue;
                }
                Candidate candidate = switch (field) {
                    case "review" -> within(day, from, to) ? new Candidate(day, parts[1], DecisionKind.REVIEW_DUE) : null;
                    case "end" -> {
                        if (day.isBefore(from)) {
                            yield null;
                        }
                        if ("o".equals(parts[3])) {
                            LocalDate decideBy = day.minusDays(noticeDays);
                            yield decideBy.isAfter(to) ? null : new Candidate(decideBy, parts[1], DecisionKind.EXTENSION_DECISION_DUE);
                        }
                        yield day.isAfter(to) ? null : new Candidate(day, parts[1], DecisionKind.EXPIRING);
                    }
                    default -> day.isAfter(to) ? null : new Candidate(day, parts[1], DecisionKind.RATING_DUE);
                };
                if (candidate != null && (after == null || after.isBefore(candidate.dueDate(), candidate.contractId(), candidate.kind()))) {
                    candidates.add(candidate);
                }
            }
        });
        List<Candidate> ordered = new ArrayList<>(candidates);
        Map<String, Contract> loaded = new HashMap<>();
        Set<String> looked = new HashSet<>();
        List<ContractDecision> decisions = new ArrayList<>();
        int next = 0;
        while (decisions.size() <= size && next < ordered.size()) {
            List<String> batch = new ArrayList<>();
            for (int i = next; i < ordered.size() && batch.size() < size + 1 - decisions.size(); i++) {
                String id = ordered.get(i).contractId();
                if (!looked.contains(id) && !batch.contains(id)) {
                    batch.add(id);
                }
            }
            looked.addAll(batch);
            if (!batch.isEmpty()) {
                mongo.find(new Query(Criteria.where("_id").in(batch)), Contract.class).forEach(contract -> loaded.put(contract.getId(), contract));
            }
            while (next < ordered.size() && looked.contains(ordered.get(next).contractId()) && decisions.size() <= size) {
                Candidate candidate = ordered.get(next++);
                Contract contract = loaded.get(candidate.contractId());
                ContractDecision decision = contract == null ? null : verified(candidate.kind(), contract, from, to, owner);
                if (decision != null && decision.dueDate().equals(candidate.dueDate())) {
                    decisions.add(decision);
                }
            }
        }
        return decisions;
    }

    private static void months(String field, LocalDate from, LocalDate to, Map<String, String> keys) {
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            keys.put(ContractLookup.monthKey(field, month), field);
        }
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** An entry of the lookup, in calendar order. */
    private record Candidate(LocalDate dueDate, String contractId, DecisionKind kind) implements Comparable<Candidate> {

        @Override
        public int compareTo(Candidate other) {
            int byDate = dueDate.compareTo(other.dueDate);
            int byContract = contractId.compareTo(other.contractId);
            return byDate != 0 ? byDate : byContract != 0 ? byContract : kind.compareTo(other.kind);
        }
    }

    /** Up to one more than a page, with one indexed query per kind of decision. */
    List<ContractDecision> fromQueries(LocalDate from, LocalDate to, String owner, Cursor after, int size) {
        List<ContractDecision> candidates = new ArrayList<>();
        for (DecisionKind kind : DecisionKind.values()) {
            candidates.addAll(page(kind, from, to, owner, after, size));
        }
        candidates.sort(ORDER);
        return candidates;
    }

    /** Up to a page of one kind's decisions after the cursor, in order; one query. */
    private List<ContractDecision> page(DecisionKind kind, LocalDate from, LocalDate to, String owner, Cursor after, int size) {
        String field = switch (kind) {
            case REVIEW_DUE -> "review.dueDate";
            case EXTENSION_DECISION_DUE, EXPIRING -> "term.endDate";
            case RATING_DUE -> "ratingDueDate";
        };
        // The field's value is the decision's day plus this: an extension is decided the notice period before the end.
        int shift = kind == DecisionKind.EXTENSION_DECISION_DUE ? noticeDays : 0;
        Criteria criteria = switch (kind) {
            case REVIEW_DUE -> Criteria.where(field).gte(from).lte(to);
            case EXTENSION_DECISION_DUE -> Criteria.where(field).gte(from).lte(to.plusDays(noticeDays))
                    .and("term.extensionOptions.state").is(OptionState.AVAILABLE);
            case EXPIRING -> Criteria.where(field).gte(from).lte(to).and("term.extensionOptions.state").ne(OptionState.AVAILABLE);
            case RATING_DUE -> Criteria.where(field).lte(to);
        };
        if (owner != null) {
            criteria = criteria.and("ownerOrganisation").is(owner);
        }
        if (after != null) {
            LocalDate value = after.dueDate().plusDays(shift);
            criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(Criteria.where(field).gt(value),
                    Criteria.where(field).is(value).and("_id").gte(after.contractId())));
        }
        // One more than the page to know there is a next, and one more for the entry at the cursor itself.
        Query query = new Query(criteria).with(Sort.by(field, "_id")).limit(size + 2);
        List<ContractDecision> decisions = new ArrayList<>();
        for (Contract contract : mongo.find(query, Contract.class)) {
            ContractDecision decision = verified(kind, contract, from, to, owner);
            if (decision != null && (after == null || after.isBefore(decision.dueDate(), contract.getId(), kind))) {
                decisions.add(decision);
            }
        }
        return decisions;
    }

    /** The contract's decision of this kind if it is in the calendar from {@code from} to {@code to}; otherwise null. */
    private ContractDecision verified(DecisionKind kind, Contract contract, LocalDate from, LocalDate to, String owner) {
        if (owner != null && !owner.equals(contract.getOwnerOrganisation())) {
            return null;
        }
        LocalDate end = contract.getTerm() == null ? null : contract.getTerm().endDate();
        ExtensionOption next = contract.getTerm() == null ? null : contract.getTerm().nextAvailableOption();
        return switch (kind) {
            case REVIEW_DUE -> {
                LocalDate due = contract.getReview() == null ? null : contract.getReview().dueDate();
                yield due != null && within(due, from, to) ? new ContractDecision(kind, due, contract, null, false) : null;
            }
            case EXTENSION_DECISION_DUE -> {
                if (end == null || next == null || end.isBefore(from) || end.minusDays(noticeDays).isAfter(to)) {
                    yield null;
                }
                LocalDate decideBy = end.minusDays(noticeDays);
                yield new ContractDecision(kind, decideBy, contract, next.number(), decideBy.isBefore(from));
            }
            case EXPIRING -> end != null && next == null && within(end, from, to) ? new ContractDecision(kind, end, contract, null, false) : null;
            case RATING_DUE -> {
                LocalDate due = contract.getRatingDueDate();
                yield due != null && !due.isAfter(to) ? new ContractDecision(kind, due, contract, null, due.isBefore(from)) : null;
            }
        };
    }

    /** Where a page ends: its last entry's day, contract and kind. */
    record Cursor(LocalDate dueDate, String contractId, DecisionKind kind) {

        static Cursor at(ContractDecision decision) {
            return new Cursor(decision.dueDate(), decision.contract().getId(), decision.kind());
        }

        static Cursor of(ScrollPosition position) {
            if (position instanceof KeysetScrollPosition keyset && !keyset.isInitial()) {
                Map<String, Object> keys = keyset.getKeys();
                try {
                    return new Cursor(LocalDate.parse(String.valueOf(keys.get("dueDate"))), String.valueOf(keys.get("id")),
                            DecisionKind.valueOf(String.valueOf(keys.get("kind"))));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new InvalidInputException("after", "after is not a cursor of the decisions calendar");
                }
            }
            if (position instanceof OffsetScrollPosition offset && !offset.isInitial()) {
                throw new InvalidInputException("after", "after is not a cursor of the decisions calendar");
            }
            return null;
        }

        ScrollPosition position() {
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("dueDate", dueDate.toString());
            keys.put("id", contractId);
            keys.put("kind", kind.name());
            return ScrollPosition.forward(keys);
        }

        boolean isBefore(LocalDate otherDate, String otherContract, DecisionKind otherKind) {
            int byDate = dueDate.compareTo(otherDate);
            int byContract = contractId.compareTo(otherContract);
            return byDate < 0 || byDate == 0 && (byContract < 0 || byContract == 0 && kind.compareTo(otherKind) < 0);
        }
    }
}
