package org.civicgraph.plans.due;

import org.civicgraph.plans.PlansProperties;
import org.civicgraph.plans.PlansServiceApplication;
import org.civicgraph.platform.scheduling.MongoLease;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Announces the time-driven occasions of plans on the topic as their day comes: milestones that became overdue (the
 * activity's outbox) and reporting periods closed with updates missing (the plan's outbox).
 * <p>
 * Each look covers, kind by kind, the days from the one the last look of that kind reached ({@link DueCheck}) to
 * today, so a look after downtime catches up on everything in between, and moves that day on only when every
 * occasion in it was announced. The very first look goes back {@code initialLookBackDays}, not through all history.
 * The first day is looked at again each time: what became due on it after the last look is caught, and what was
 * announced already is skipped.
 * <p>
 * Exactly once, however many instances run: a look holds the platform's {@link MongoLease} so that normally only one
 * instance looks at a time; and each announcement is saved in the same single-document write as the record's note
 * that it was made (an optimistic version check), so even two looks that overlap announce an occasion once.
 * <p>
 * Occasions whose day had already passed when their record was made or changed into them (a milestone added with a
 * date before the last look, say) are not announced: the exception report shows them.
 */
@Service
class DueEventRunner {

    static final String LEASE = "plans-due-events";

    private final MongoTemplate mongo;
    private final List<DueOccasions> kinds;
    private final PlansProperties properties;
    private final Clock clock;
    private final MongoLease lease;
    private final String instance;

    @Autowired
    DueEventRunner(MongoTemplate mongo, List<DueOccasions> kinds, PlansProperties properties, Clock clock) {
        this(mongo, kinds, properties, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    /** A runner with a name of its own, as a second instance of the service would have; for tests. */
    DueEventRunner(MongoTemplate mongo, List<DueOccasions> kinds, PlansProperties properties, Clock clock, String instance) {
        this.mongo = mongo;
        this.kinds = List.copyOf(kinds);
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
        LocalDate today = LocalDate.now(clock.withZone(PlansServiceApplication.UK));
        Map<String, Integer> announced = new LinkedHashMap<>();
        for (DueOccasions kind : kinds) {
            DueCheck check = mongo.findById(kind.kind(), DueCheck.class);
            LocalDate from = check == null ? today.minusDays(properties.dueEvents().initialLookBackDays()) : check.checkedThrough();
            DueOccasions.Outcome outcome = kind.announce(from, today);
            announced.put(kind.kind(), outcome.announced());
            if (outcome.complete()) {
                checkedThrough(kind.kind(), today);
            }
        }
        return new Report(false, announced);
    }

    /** How far the kind was looked at, if it ever was. */
    LocalDate checkedThrough(String kind) {
        DueCheck check = mongo.findById(kind, DueCheck.class);
        return check == null ? null : check.checkedThrough();
    }

    /** Moves the kind's day on, never back: a look that started earlier and finishes later leaves the later day. */
    private void checkedThrough(String kind, LocalDate day) {
        Query behind = Query.query(Criteria.where("_id").is(kind).and("checkedThrough").lt(day));
        Update update = new Update().set("checkedThrough", day).set("checkedAt", clock.instant()).set("checkedBy", instance);
        try {
            mongo.upsert(behind, update, DueCheck.class);
        } catch (DuplicateKeyException alreadyAtOrPast) {
            // another look got as far or further
        }
    }

    /** What one look announced, by kind; {@code skipped} when another instance held the lease. */
    record Report(boolean skipped, Map<String, Integer> announced) {

        static final Report SKIPPED = new Report(true, Map.of());

        int total() {
            return announced.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
