package org.civicgraph.contracts.contract;

import org.civicgraph.contracts.ContractsProperties;
import org.civicgraph.platform.scheduling.MongoLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Announces the time-driven occasions of key contracts on the topic as their day comes: reviews due, extension
 * decisions due, contracts expiring with no option left, and ratings overdue under the Procurement Act 2023.
 * <p>
 * Each look covers, kind by kind, what became due from the day the last look of that kind reached ({@link DueCheck})
 * to today, so a look after downtime catches up on everything in between, and moves that day on only when every
 * occasion in it was announced. The very first look goes back {@code initialLookBackDays}, not through all history.
 * <p>
 * Exactly once, however many instances run: a look holds the {@link MongoLease} so that normally only one instance
 * looks at a time; and each announcement is saved in the same single-document write as the contract's note that it
 * was made (an optimistic version check), so even two looks that overlap announce an occasion once.
 * The events leave through the contract's outbox like every other change.
 * <p>
 * Occasions whose day had already passed when the contract was registered or amended into them, or an option
 * decision recorded with a date before the last look, are not announced: they show as overdue in the decisions calendar.
 */
@Service
class DueEventRunner {

    static final String LEASE = "contracts-due-events";
    private static final Logger log = LoggerFactory.getLogger(DueEventRunner.class);

    private final MongoTemplate mongo;
    private final Contracts contracts;
    private final ContractsProperties properties;
    private final Clock clock;
    private final MongoLease lease;
    private final String instance;

    @Autowired
    DueEventRunner(MongoTemplate mongo, Contracts contracts, ContractsProperties properties, Clock clock) {
        this(mongo, contracts, properties, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    DueEventRunner(MongoTemplate mongo, Contracts contracts, ContractsProperties properties, Clock clock, String instance) {
        this.mongo = mongo;
        this.contracts = contracts;
        this.properties = properties;
        this.clock = clock;
        this.lease = new MongoLease(mongo, clock);
        this.instance = instance;
    }

    /** One look, if this instance gets the lease; otherwise another instance is looking and this does nothing. */
    Report runOnce() {
        return lease.whileHolding(LEASE, instance, properties.dueEvents().lease(), this::catchUp).orElse(Report.SKIPPED);
    }

    /** One look without the lease: safe on its own, the lease only saves the work of looking twice. */
    Report catchUp() {
        LocalDate today = LocalDate.now(clock.withZone(ContractRegister.UK));
        Map<DueOccasionKind, Integer> announced = new EnumMap<>(DueOccasionKind.class);
        for (DueOccasionKind kind : DueOccasionKind.values()) {
            DueCheck check = mongo.findById(kind.name(), DueCheck.class);
            LocalDate from = check == null ? today.minusDays(properties.dueEvents().initialLookBackDays()) : check.checkedThrough();
            Outcome outcome = announce(kind, from, today);
            announced.put(kind, outcome.announced());
            if (outcome.complete()) {
                checkedThrough(kind, today);
            }
        }
        return new Report(false, announced);
    }

    /**
     * Announces every occasion of the kind that became due from {@code from} to {@code through}. The first day is
     * looked at again: an occasion that became due on it after the last look (a decision recorded later that day)
     * is caught, and one already announced is skipped.
     */
    private Outcome announce(DueOccasionKind kind, LocalDate from, LocalDate through) {
        int noticeDays = properties.extensionNoticeDays();
        Criteria due = DueOccasion.mayBecomeDue(kind, from, through, noticeDays);
        int announced = 0;
        boolean complete = true;
        String after = null;
        while (true) {
            Query page = new Query(after == null ? due : new Criteria().andOperator(due, Criteria.where("_id").gt(after)))
                    .with(Sort.by("_id")).limit(properties.dueEvents().batchSize());
            List<Contract> batch = mongo.find(page, Contract.class);
            for (Contract contract : batch) {
                DueOccasion occasion = DueOccasion.of(kind, contract, noticeDays);
                if (occasion == null || !occasion.becomesDueBetween(from, through) || contract.hasFired(occasion.key())) {
                    continue;
                }
                try {
                    announced += announce(contract, kind, noticeDays, through) ? 1 : 0;
                } catch (OptimisticLockingFailureException e) {
                    complete = false;
                    log.warn("Could not announce {} of contract {} for now (changed by others meanwhile); the next look retries",
                            kind, contract.getId());
                }
            }
            if (batch.size() < properties.dueEvents().batchSize()) {
                return new Outcome(announced, complete);
            }
            after = batch.get(batch.size() - 1).getId();
        }
    }

    /** Records the event and the note that it was made in one write; on a conflict, looks again at the fresh contract. */
    private boolean announce(Contract loaded, DueOccasionKind kind, int noticeDays, LocalDate today) {
        Contract contract = loaded;
        for (int attempt = 1; ; attempt++) {
            DueOccasion occasion = DueOccasion.of(kind, contract, noticeDays);
            if (occasion == null || !contract.fire(occasion, today)) {
                return false;
            }
            try {
                contracts.save(contract);
                return true;
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt == 5) {
                    throw conflict;
                }
                contract = contracts.findById(loaded.getId()).orElse(null);
                if (contract == null) {
                    return false;
                }
            }
        }
    }

    /** Moves the kind's day on, never back: a look that started earlier and finishes later leaves the later day. */
    private void checkedThrough(DueOccasionKind kind, LocalDate day) {
        Query behind = Query.query(Criteria.where("_id").is(kind.name()).and("checkedThrough").lt(day));
        Update update = new Update().set("checkedThrough", day).set("checkedAt", clock.instant()).set("checkedBy", instance);
        try {
            mongo.upsert(behind, update, DueCheck.class);
        } catch (DuplicateKeyException alreadyAtOrPast) {
            // another look got as far or further
        }
    }

    private record Outcome(int announced, boolean complete) {
    }

    /** What one look announced, by kind; {@code skipped} when another instance held the lease. */
    record Report(boolean skipped, Map<DueOccasionKind, Integer> announced) {

        static final Report SKIPPED = new Report(true, Map.of());

        int total() {
            return announced.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
