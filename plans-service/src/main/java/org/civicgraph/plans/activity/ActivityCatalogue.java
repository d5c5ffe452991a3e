package org.civicgraph.plans.activity;

import org.civicgraph.platform.directory.OrganisationMergeFollower;
import org.civicgraph.plans.period.Dates;
import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.plans.plan.PlacedActivities;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.PlanCatalogue;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds activities and applies changes to them. An activity is readable whenever its plan is; only editors and
 * admins of the plan's owner may create or change activities. Reports and progress updates find activities here.
 */
@Service
public class ActivityCatalogue implements OrganisationMergeFollower, PlacedActivities {

    private static final Sort PLAN_ORDER = Sort.by("planId", "sortKey", "_id");
    /** A batch size that asks for a whole plan's activities in the first reply (the server still caps a reply at 16 MB). */
    private static final int WHOLE_PLAN = 100_000;

    private final MongoTemplate mongo;
    private final PlanCatalogue plans;
    private final ReportedActivities reported;

    ActivityCatalogue(MongoTemplate mongo, PlanCatalogue plans, ReportedActivities reported) {
        this.mongo = mongo;
        this.plans = plans;
        this.reported = reported;
    }

    Activity create(CreateActivityInput input) {
        RecordAccess.requireSignedIn();
        Plan plan = plans.require(input.planId(), "planId");
        Caller editor = RecordAccess.requireCanEdit(plan.getOwnerOrganisation());
        return add(input, plan, editor.subject());
    }

    /** Checks and stores a new activity without asking who may: for {@link #create} and for demo data. */
    Activity add(CreateActivityInput input, Plan plan, String createdBy) {
        Activity activity = Activity.create(ActivityInputRules.draft(input, plan), plan, createdBy);
        if (mongo.exists(Query.query(Criteria.where("_id").is(activity.getId())), Activity.class)) {
            throw new InvalidInputException("reference", "Plan " + plan.getId() + " already has an activity " + activity.getReference()
                    + (activity.getReferenceYear() == null ? "" : " in its " + activity.getReferenceYear() + " numbering")
                    + "; its id is " + activity.getId());
        }
        return mongo.insert(activity);
    }

    Activity update(UpdateActivityInput input) {
        RecordAccess.requireSignedIn();
        return ConflictRetry.run(() -> {
            Activity activity = require(input.id(), "id");
            Plan plan = plans.require(activity.getPlanId(), "id");
            Caller editor = RecordAccess.requireCanEdit(plan.getOwnerOrganisation());
            ActivityChanges changes = ActivityInputRules.changes(input, plan);
            return activity.change(changes, editor.subject()) ? mongo.save(activity) : activity;
        });
    }

    Activity addMilestone(AddMilestoneInput input) {
        RecordAccess.requireSignedIn();
        return ConflictRetry.run(() -> {
            Activity activity = require(input.activityId(), "activityId");
            Caller editor = RecordAccess.requireCanEdit(plans.require(activity.getPlanId(), "activityId").getOwnerOrganisation());
            ActivityInputRules.requireText("text", input.text(), true);
            activity.addMilestone(input.text(), Dates.parse("dueDate", input.dueDate()), editor.subject());
            return mongo.save(activity);
        });
    }

    Activity changeMilestone(ChangeMilestoneInput input) {
        RecordAccess.requireSignedIn();
        return ConflictRetry.run(() -> {
            Activity activity = require(input.activityId(), "activityId");
            Caller editor = RecordAccess.requireCanEdit(plans.require(activity.getPlanId(), "activityId").getOwnerOrganisation());
            MilestoneChanges changes = ActivityInputRules.milestoneChanges(input, activity);
            return activity.changeMilestone(input.milestoneId(), changes, editor.subject(), null) ? mongo.save(activity) : activity;
        });
    }

    /**
     * Applies what a stored progress update says about the activity's milestones. The update was checked and stored
     * first: it is the record, and this keeps the milestones in step with it.
     */
    public void applyMilestoneProgress(String activityId, List<MilestoneProgress> progress, String changedBy, String updateId) {
        if (progress.isEmpty()) {
            return;
        }
        ConflictRetry.run(() -> {
            Activity activity = require(activityId, "activityId");
            boolean changed = false;
            for (MilestoneProgress milestone : progress) {
                changed |= activity.changeMilestone(milestone.milestoneId(),
                        new MilestoneChanges(null, null, milestone.status(), milestone.revisedDueDate()), changedBy, updateId);
            }
            return changed ? mongo.save(activity) : activity;
        });
    }

    /**
     * Follows a merge in the partner directory: every activity that names the merged organisation as lead or partner
     * names the survivor instead, each a change of its own with its event, saved through the aggregate (and tried again
     * when another writer got there first). Nobody signed in asks for it, so no caller is checked. Returns how many
     * activities changed; following the same merge again changes none.
     */
    @Override
    public int followMerge(String mergedId, String survivorId, String changedBy, Map<String, Object> because) {
        Query naming = Query.query(new Criteria().orOperator(Criteria.where("leadOrganisation").is(mergedId),
                Criteria.where("partnerOrganisations").is(mergedId)));
        naming.fields().include("id");
        int changed = 0;
        for (Activity found : mongo.find(naming, Activity.class)) {
            changed += ConflictRetry.run(() -> {
                Activity activity = mongo.findById(found.getId(), Activity.class);
                if (activity == null || !activity.followMerge(mergedId, survivorId, changedBy, because)) {
                    return 0;
                }
                mongo.save(activity);
                return 1;
            });
        }
        return changed;
    }

    /** The activity, whoever asks; for changes, whose callers are checked against the plan's owner. */
    public Activity require(String id, String field) {
        Activity activity = id == null ? null : mongo.findById(id, Activity.class);
        if (activity == null) {
            throw new NotFoundException(field, "No activity has the id " + id);
        }
        return activity;
    }

    /** The activity if it exists and its plan is readable by the caller (see {@link PlanCatalogue#find}). */
    public Optional<Activity> find(String id) {
        Optional<Activity> activity = Optional.ofNullable(mongo.findById(id, Activity.class));
        activity.ifPresent(found -> plans.find(found.getPlanId()));
        return activity;
    }

    /** The activities among the ids that the caller may read, in no particular order. */
    public List<Activity> findReadable(Collection<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        excludeUnreadablePlans(query);
        return mongo.find(query, Activity.class);
    }

    /**
     * The activity the plan calls by this reference. Where the reference alone is ambiguous the theme (for plans that
     * number activities within each theme) or the numbering year (for plans renumbered from year to year) decides;
     * without a year, the current numbering comes before earlier ones.
     */
    public Optional<Activity> findByReference(String planId, String reference, String theme, String referenceYear) {
        plans.require(planId, "planId");
        String year = referenceYear == null ? null : ActivityInputRules.financialYear("referenceYear", referenceYear);
        Query query = Query.query(Criteria.where("planId").is(planId).orOperator(
                Criteria.where("reference").is(reference), Criteria.where("formerReferences.reference").is(reference)));
        List<Activity> matches = ActivityReferences.resolve(mongo.find(query, Activity.class), reference, theme, year);
        if (matches.size() > 1) {
            throw new InvalidInputException("theme", "Plan " + planId + " has " + matches.size() + " activities " + reference
                    + ", in the themes " + matches.stream().map(Activity::getThemeKey).toList() + "; give the theme too");
        }
        return matches.stream().findFirst();
    }

    Window<Activity> search(ActivityFilter filter, ScrollPosition position, int size) {
        Query query = new Query().with(PLAN_ORDER).limit(size);
        List<Criteria> all = new ArrayList<>();
        if (filter.planId() != null) {
            all.add(Criteria.where("planId").is(filter.planId()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // $regex on a quoted pattern: any text is searched for literally, and it works where $text search does not.
            Pattern text = Pattern.compile(Pattern.quote(filter.text().strip()), Pattern.CASE_INSENSITIVE);
            all.add(new Criteria().orOperator(Criteria.where("description").regex(text), Criteria.where("outputs").regex(text),
                    Criteria.where("milestones.text").regex(text), Criteria.where("reference").regex(text)));
        }
        if (filter.theme() != null) {
            all.add(Criteria.where("themeKey").is(filter.theme()));
        }
        if (filter.objective() != null) {
            all.add(Criteria.where("objectiveKey").is(filter.objective()));
        }
        if (filter.organisation() != null) {
            all.add(namingOrganisation(filter.organisation()));
        }
        if (filter.area() != null) {
            all.add(Criteria.where("areas").is(filter.area()));
        }
        if (filter.status() != null && filter.period() == null) {
            throw new InvalidInputException("filter.status", "A status is reported for a period: give filter.period too");
        }
        if (filter.period() != null) {
            ReportingPeriod period = Dates.period("filter.period", filter.period());
            all.add(Criteria.where("_id").in(reported.reportedIn(filter.planId(), period, filter.status())));
        }
        if (!all.isEmpty()) {
            query.addCriteria(new Criteria().andOperator(all));
        }
        excludeUnreadablePlans(query);
        return mongo.scroll(query.with(position), Activity.class);
    }

    /** The objective's activities in reference order. */
    Window<Activity> inObjective(String planId, String objectiveKey, ScrollPosition position, int size) {
        Query query = Query.query(Criteria.where("planId").is(planId).and("objectiveKey").is(objectiveKey)).with(PLAN_ORDER).limit(size);
        return mongo.scroll(query.with(position), Activity.class);
    }

    /** A page of the plan's activities in reference order; the caller has checked the plan may be read. */
    public Window<Activity> inPlan(String planId, ScrollPosition position, int size) {
        Query query = Query.query(Criteria.where("planId").is(planId)).with(PLAN_ORDER).limit(size);
        return mongo.scroll(query.with(position), Activity.class);
    }

    /**
     * Every activity of the plan in reference order, in one query and, while they fit in the server's 16 MB reply,
     * one round trip; the caller has checked the plan may be read.
     */
    public List<Activity> allInPlan(String planId) {
        return mongo.find(Query.query(idInPlan(planId)).with(PLAN_ORDER).cursorBatchSize(WHOLE_PLAN), Activity.class);
    }

    @Override
    public long countUnder(String planId, Collection<String> themeKeys, Collection<String> objectiveKeys) {
        Criteria under = new Criteria().orOperator(Criteria.where("themeKey").in(themeKeys), Criteria.where("objectiveKey").in(objectiveKeys));
        return mongo.count(Query.query(new Criteria().andOperator(idInPlan(planId), under)), Activity.class);
    }

    /** Each of the plan's activities with its reference and lead only, in reference order, in one query and one round trip. */
    public List<Activity> referencesInPlan(String planId) {
        Query query = Query.query(idInPlan(planId)).with(PLAN_ORDER).cursorBatchSize(WHOLE_PLAN);
        query.fields().include("_id", "planId", "reference", "leadOrganisation", "sortKey");
        return mongo.find(query, Activity.class);
    }

    /** Where each of the plan's activities sits (id, theme and objective only), in one query and one round trip. */
    public List<Activity> placements(String planId) {
        Query query = Query.query(idInPlan(planId)).cursorBatchSize(WHOLE_PLAN);
        query.fields().include("_id", "planId", "themeKey", "objectiveKey");
        return mongo.find(query, Activity.class);
    }

    long count() {
        return mongo.count(new Query(), Activity.class);
    }

    /**
     * The plan's activities by their ids, which start with the plan's ({@code <planId>/<path>}): an anchored prefix is
     * answered from the {@code _id} index by any server, the embedded one too, which ignores the secondary indexes.
     */
    private static Criteria idInPlan(String planId) {
        return Criteria.where("_id").regex("^" + planId.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0") + "/");
    }

    /** Lead, partner, or a partner the plan names for the activity's whole theme. */
    private Criteria namingOrganisation(String organisation) {
        List<Criteria> either = new ArrayList<>(List.of(Criteria.where("leadOrganisation").is(organisation),
                Criteria.where("partnerOrganisations").is(organisation)));
        for (Map.Entry<String, Set<String>> plan : plans.themesWithPartner(organisation).entrySet()) {
            either.add(Criteria.where("planId").is(plan.getKey()).and("themeKey").in(plan.getValue()));
        }
        return new Criteria().orOperator(either);
    }

    private void excludeUnreadablePlans(Query query) {
        if (!Caller.current().isSignedIn()) {
            Set<String> internal = plans.internalPlanIds();
            if (!internal.isEmpty()) {
                query.addCriteria(Criteria.where("planId").nin(internal));
            }
        }
    }
}
