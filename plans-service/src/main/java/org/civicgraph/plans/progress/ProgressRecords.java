package org.civicgraph.plans.progress;

import org.civicgraph.plans.activity.ReportedActivities;
import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.platform.graphql.NotFoundException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the stored progress updates. The current update of an activity for a period is its latest revision; each
 * question here is answered with one query, however many activities it covers.
 */
@Service
public class ProgressRecords implements ReportedActivities {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("period"), Sort.Order.desc("revision"));

    private final MongoTemplate mongo;

    ProgressRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    ProgressUpdate require(String id, String field) {
        ProgressUpdate update = id == null ? null : mongo.findById(id, ProgressUpdate.class);
        if (update == null) {
            throw new NotFoundException(field, "No progress update has the id " + id);
        }
        return update;
    }

    Optional<ProgressUpdate> latest(String activityId, ReportingPeriod period) {
        Query query = Query.query(Criteria.where("activityId").is(activityId).and("period").is(period.toString()))
                .with(Sort.by(Sort.Order.desc("revision"))).limit(1);
        return Optional.ofNullable(mongo.findOne(query, ProgressUpdate.class));
    }

    /** Every revision reported for the activity, newest period first and within a period newest revision first. */
    Window<ProgressUpdate> history(String activityId, ReportingPeriod period, ScrollPosition position, int size) {
        Query query = Query.query(Criteria.where("activityId").is(activityId)).with(NEWEST_FIRST).limit(size);
        if (period != null) {
            query.addCriteria(Criteria.where("period").is(period.toString()));
        }
        return mongo.scroll(query.with(position), ProgressUpdate.class);
    }

    /** The current update for the period of each of the plan's activities that has one, by activity id. */
    public Map<String, ProgressUpdate> currentInPlan(String planId, ReportingPeriod period) {
        return current(mongo.find(Query.query(Criteria.where("planId").is(planId).and("period").is(period.toString())), ProgressUpdate.class));
    }

    /** The current update for the period of each of these activities that has one, by activity id. */
    public Map<String, ProgressUpdate> currentFor(Collection<String> activityIds, ReportingPeriod period) {
        return current(mongo.find(Query.query(Criteria.where("activityId").in(activityIds).and("period").is(period.toString())), ProgressUpdate.class));
    }

    @Override
    public Set<String> reportedIn(String planId, ReportingPeriod period, String status) {
        Query query = Query.query(Criteria.where("period").is(period.toString()));
        if (planId != null) {
            query.addCriteria(Criteria.where("planId").is(planId));
        }
        query.fields().include("activityId", "revision", "status");
        String wanted = status == null ? null : status.strip().toLowerCase(Locale.ROOT);
        return current(mongo.find(query, ProgressUpdate.class)).values().stream()
                .filter(update -> wanted == null || update.getStatus().toLowerCase(Locale.ROOT).equals(wanted))
                .map(ProgressUpdate::getActivityId)
                .collect(Collectors.toSet());
    }

    private static Map<String, ProgressUpdate> current(List<ProgressUpdate> revisions) {
        Map<String, ProgressUpdate> latest = new HashMap<>();
        for (ProgressUpdate update : revisions) {
            latest.merge(update.getActivityId(), update, (a, b) -> a.getRevision() >= b.getRevision() ? a : b);
        }
        return latest;
    }
}
