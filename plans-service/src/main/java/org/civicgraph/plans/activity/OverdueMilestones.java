package org.civicgraph.plans.activity;

import org.civicgraph.plans.PlansProperties;
import org.civicgraph.plans.due.DueOccasions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/**
 * Milestones that became overdue: a milestone whose date (or revised date) has passed and that is not met (nor
 * withdrawn) is announced once, as {@code milestone.became-overdue.v1}, through its activity's outbox and keyed by the
 * activity, on the day after it fell due (or at the first look after that, after downtime).
 */
@Service
class OverdueMilestones implements DueOccasions {

    static final String KIND = "MILESTONE_BECAME_OVERDUE";
    private static final Logger log = LoggerFactory.getLogger(OverdueMilestones.class);

    private final MongoTemplate mongo;
    private final PlansProperties properties;

    OverdueMilestones(MongoTemplate mongo, PlansProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Outcome announce(LocalDate from, LocalDate through) {
        // Overdue from the day after the date: dates from the day before `from` to the day before `through`. A superset,
        // from the milestone date indexes; the milestones' status and which date counts are decided per activity.
        LocalDate first = from.minusDays(1);
        LocalDate last = through.minusDays(1);
        Criteria mayBecomeOverdue = new Criteria().orOperator(
                Criteria.where("milestones.dueDate").gte(first).lte(last),
                Criteria.where("milestones.revisedDueDate").gte(first).lte(last));
        int batchSize = properties.dueEvents().batchSize();
        int announced = 0;
        boolean complete = true;
        String after = null;
        while (true) {
            Criteria page = after == null ? mayBecomeOverdue : new Criteria().andOperator(mayBecomeOverdue, Criteria.where("_id").gt(after));
            List<Activity> batch = mongo.find(new Query(page).with(Sort.by("_id")).limit(batchSize), Activity.class);
            for (Activity activity : batch) {
                if (activity.becameOverdueBetween(from, through).isEmpty()) {
                    continue;
                }
                try {
                    announced += announce(activity, from, through);
                } catch (OptimisticLockingFailureException e) {
                    complete = false;
                    log.warn("Could not announce the overdue milestones of {} for now (changed by others meanwhile); the next look retries",
                            activity.getId());
                }
            }
            if (batch.size() < batchSize) {
                return new Outcome(announced, complete);
            }
            after = batch.get(batch.size() - 1).getId();
        }
    }

    /** Records the events and the notes that they were made in one write; on a conflict, looks again at the fresh activity. */
    private int announce(Activity loaded, LocalDate from, LocalDate today) {
        Activity activity = loaded;
        for (int attempt = 1; ; attempt++) {
            int count = 0;
            for (Milestone milestone : activity.becameOverdueBetween(from, today)) {
                count += activity.announceOverdue(milestone.id(), today) ? 1 : 0;
            }
            if (count == 0) {
                return 0;
            }
            try {
                mongo.save(activity);
                return count;
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt == 5) {
                    throw conflict;
                }
                activity = mongo.findById(loaded.getId(), Activity.class);
                if (activity == null) {
                    return 0;
                }
            }
        }
    }
}
