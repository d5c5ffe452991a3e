package org.civicgraph.plans.progress;

import org.civicgraph.plans.activity.ReportedActivities;
import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.PlanCatalogue;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.graphql.NotFoundException;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the stored progress updates. The current update of an activity for a period is its latest revision; each
 * question here is answered with one query, however many activities it covers.
 */
@Service
public class ProgressRecords implements ReportedActivities {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("period"), Sort.Order.desc("revision"));

    /** Enough for a plan's updates for a period to come back in one batch (the server also caps a batch at 16 MB). */
    static final int BATCH = 100_000;

    private final MongoTemplate mongo;
    private final PlanCatalogue plans;

    ProgressRecords(MongoTemplate mongo, PlanCatalogue plans) {
        this.mongo = mongo;
        this.plans = plans;
    }

    ProgressUpdate require(String id, String field) {
        ProgressUpdate update = id == null ? null : mongo.findById(id, ProgressUpdate.class);
        if (update == null) {
            throw new NotFoundException(field, "No progress update has the id " + id);
        }
        return update;
    }

    /** The latest revision for the activity and period, draft or not: the one a new correction must correct. */
    Optional<ProgressUpdate> latest(String activityId, ReportingPeriod period) {
        Query query = Query.query(Criteria.where("activityId").is(activityId).and("period").is(period.toString()))
                .with(Sort.by(Sort.Order.desc("revision"))).limit(1);
        return Optional.ofNullable(mongo.findOne(query, ProgressUpdate.class));
    }

    /**
     * Every revision reported for the activity, newest period first and within a period newest revision first.
     *
     * @param withDrafts whether drafts are shown: to signed-in users of the plan's owner only
     */
    Window<ProgressUpdate> history(String activityId, ReportingPeriod period, boolean withDrafts, ScrollPosition position, int size) {
        Query query = Query.query(Criteria.where("activityId").is(activityId)).with(NEWEST_FIRST).limit(size);
        if (period != null) {
            query.addCriteria(Criteria.where("period").is(period.toString()));
        }
        if (!withDrafts) {
            query.addCriteria(published());
        }
        return mongo.scroll(query.with(position), ProgressUpdate.class);
    }

    /**
     * The first page of each activity's history, as {@link #history} returns it from the start: one query for the
     * lot, where history would send one per activity. Drafts count for the plans the caller's organisation owns
     * (one query for their ids); each shape (period, drafts or not, page size) is read once.
     */
    Map<FirstHistoryPage, Window<ProgressUpdate>> firstPages(Set<FirstHistoryPage> requests) {
        Map<String, Set<String>> ownPlans = new HashMap<>();
        Function<FirstHistoryPage, Shape> shape = request -> new Shape(request.period(), request.callerOrganisation() != null
                && ownPlans.computeIfAbsent(request.callerOrganisation(), plans::idsOwnedBy).contains(request.planId()), request.size());
        Map<FirstHistoryPage, Window<ProgressUpdate>> pages = new HashMap<>();
        requests.stream().collect(Collectors.groupingBy(shape)).forEach((alike, pagesAlike) -> {
            Map<String, List<ProgressUpdate>> byActivity = newestFirst(pagesAlike.stream().map(FirstHistoryPage::activityId).toList(),
                    alike.period(), alike.withDrafts());
            for (FirstHistoryPage request : pagesAlike) {
                List<ProgressUpdate> all = byActivity.getOrDefault(request.activityId(), List.of());
                pages.put(request, Window.from(all.subList(0, Math.min(alike.size(), all.size())),
                        OffsetScrollPosition.positionFunction(0), all.size() > alike.size()));
            }
        });
        return pages;
    }

    /** What the first pages read in one query share. */
    private record Shape(ReportingPeriod period, boolean withDrafts, int size) {
    }

    /** Every revision of each activity's history, newest first, in one query (the order {@link #history} pages). */
    private Map<String, List<ProgressUpdate>> newestFirst(Collection<String> activityIds, ReportingPeriod period, boolean withDrafts) {
        Query query = Query.query(Criteria.where("activityId").in(activityIds)).with(NEWEST_FIRST).cursorBatchSize(BATCH);
        if (period != null) {
            query.addCriteria(Criteria.where("period").is(period.toString()));
        }
        if (!withDrafts) {
            query.addCriteria(published());
        }
        Map<String, List<ProgressUpdate>> byActivity = new HashMap<>();
        for (ProgressUpdate update : mongo.find(query, ProgressUpdate.class)) {
            byActivity.computeIfAbsent(update.getActivityId(), id -> new ArrayList<>()).add(update);
        }
        return byActivity;
    }

    /**
     * The current update for the period of each of the plan's activities that has one, by activity id: the latest
     * revision the caller may see. One query.
     *
     * @param withDrafts whether drafts count: for signed-in users of the plan's owner ({@link Plan#showsDraftsTo})
     */
    public Map<String, ProgressUpdate> currentInPlan(String planId, ReportingPeriod period, boolean withDrafts) {
        return current(ofPeriod(mongo.find(inPlanForPeriod(planId, period), ProgressUpdate.class), period), withDrafts);
    }

    /** As {@link #currentInPlan}, with only what a count needs: activity, period, revision, status and state. */
    public Map<String, ProgressUpdate> currentStatusesInPlan(String planId, ReportingPeriod period, boolean withDrafts) {
        Query query = inPlanForPeriod(planId, period);
        query.fields().include("activityId", "period", "revision", "status", "state");
        return current(ofPeriod(mongo.find(query, ProgressUpdate.class), period), withDrafts);
    }

    /**
     * Every revision of the plan's updates for the period, selected by id ({@code <planId>/2021-22-Q4/<activity path>/v2},
     * or {@code <planId>/<activity path>/2021-22-Q4/v2} as updates were first stored): an anchored prefix of the id
     * is answered from the {@code _id} index by any server, the embedded one included, which ignores secondary
     * indexes; MongoDB examines the plan's other periods among the index keys only. The period's updates lie side by
     * side in the index (and in the embedded server's pages), so only they are fetched. Drafts, and an old id that
     * only looks like the period's, are told apart afterwards, so that the query stays on the index.
     */
    private static Query inPlanForPeriod(String planId, ReportingPeriod period) {
        String slug = literal(period.slug());
        return Query.query(Criteria.where("_id").regex("^" + literal(planId) + "/(?:" + slug + "/.+|.+/" + slug + ")/v[0-9]+$"))
                .cursorBatchSize(BATCH);
    }

    private static List<ProgressUpdate> ofPeriod(List<ProgressUpdate> updates, ReportingPeriod period) {
        String wanted = period.toString();
        return updates.stream().filter(update -> wanted.equals(update.getPeriod())).toList();
    }

    static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    /** The current update for the period of each of these activities that has one, by activity id. One query, by their ids. */
    public Map<String, ProgressUpdate> currentFor(Collection<String> activityIds, ReportingPeriod period, boolean withDrafts) {
        Query query = Query.query(Criteria.where("activityId").in(activityIds).and("period").is(period.toString()));
        if (!withDrafts) {
            query.addCriteria(published());
        }
        return current(mongo.find(query, ProgressUpdate.class));
    }

    /** Drafts are left out, except those of the plans the caller's organisation owns. */
    @Override
    public Set<String> reportedIn(String planId, ReportingPeriod period, String status) {
        Query query = Query.query(Criteria.where("period").is(period.toString()));
        if (planId != null) {
            query.addCriteria(Criteria.where("planId").is(planId));
        }
        Caller caller = Caller.current();
        Set<String> ownPlans = caller.isSignedIn() ? plans.idsOwnedBy(caller.organisation()) : Set.of();
        query.addCriteria(ownPlans.isEmpty() ? published() : new Criteria().orOperator(published(), Criteria.where("planId").in(ownPlans)));
        query.fields().include("activityId", "revision", "status");
        String wanted = status == null ? null : status.strip().toLowerCase(Locale.ROOT);
        return current(mongo.find(query, ProgressUpdate.class)).values().stream()
                .filter(update -> wanted == null || update.getStatus().toLowerCase(Locale.ROOT).equals(wanted))
                .map(ProgressUpdate::getActivityId)
                .collect(Collectors.toSet());
    }

    /**
     * The plan's drafts that wait for an admin to publish them: each the latest revision for its activity and period
     * (a draft corrected by a later draft waits no longer). Two queries.
     */
    List<ProgressUpdate> awaitingApproval(String planId, ReportingPeriod period) {
        Criteria inPlan = Criteria.where("planId").is(planId);
        if (period != null) {
            inPlan = inPlan.and("period").is(period.toString());
        }
        List<ProgressUpdate> drafts = mongo.find(Query.query(inPlan).addCriteria(Criteria.where("state").is(UpdateState.DRAFT))
                .with(Sort.by("activityId", "period")), ProgressUpdate.class);
        if (drafts.isEmpty()) {
            return drafts;
        }
        Query superseding = Query.query(Criteria.where("supersedes").in(drafts.stream().map(ProgressUpdate::getId).toList()));
        superseding.fields().include("supersedes");
        Set<String> superseded = mongo.find(superseding, ProgressUpdate.class).stream().map(ProgressUpdate::getSupersedes).collect(Collectors.toSet());
        return drafts.stream().filter(draft -> !superseded.contains(draft.getId())).toList();
    }

    /** Published, or stored before drafts existed. */
    private static Criteria published() {
        return Criteria.where("state").ne(UpdateState.DRAFT);
    }

    private static Map<String, ProgressUpdate> current(List<ProgressUpdate> revisions, boolean withDrafts) {
        return current(withDrafts ? revisions : revisions.stream().filter(update -> !update.isDraft()).toList());
    }

    private static Map<String, ProgressUpdate> current(List<ProgressUpdate> revisions) {
        Map<String, ProgressUpdate> latest = new HashMap<>();
        for (ProgressUpdate update : revisions) {
            latest.merge(update.getActivityId(), update, (a, b) -> a.getRevision() >= b.getRevision() ? a : b);
        }
        return latest;
    }
}
