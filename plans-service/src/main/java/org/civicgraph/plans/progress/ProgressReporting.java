package org.civicgraph.plans.progress;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.ActivityCatalogue;
import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.PlanCatalogue;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.civicgraph.platform.security.Role;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Takes progress reports and corrections, and publishes drafts. Editors and admins of the plan's owner may report on
 * any of its activities; where the plan allows it, so may editors and admins of an organisation named on the activity
 * as lead or partner. On a plan that requires approval, reports and corrections are drafts until an admin of the owner
 * publishes them; what they say of milestones is applied to the activity only then. Everything is checked before
 * anything is stored, and an update is stored whole with its event.
 */
@Service
class ProgressReporting {

    private final MongoTemplate mongo;
    private final PlanCatalogue plans;
    private final ActivityCatalogue activities;
    private final ProgressRecords records;

    ProgressReporting(MongoTemplate mongo, PlanCatalogue plans, ActivityCatalogue activities, ProgressRecords records) {
        this.mongo = mongo;
        this.plans = plans;
        this.activities = activities;
        this.records = records;
    }

    ProgressUpdate submit(SubmitProgressInput input) {
        Caller caller = RecordAccess.requireSignedIn();
        Activity activity = activities.require(input.activityId(), "activityId");
        Plan plan = plans.require(activity.getPlanId(), "activityId");
        requireMayReport(caller, plan, activity);
        return record(input, activity, plan, caller.subject(), caller.organisation());
    }

    /** Checks and stores a first report without asking who may: for {@link #submit} and for demo data. */
    ProgressUpdate record(SubmitProgressInput input, Activity activity, Plan plan, String author, String authorOrganisation) {
        ReportingPeriod period = ProgressInputRules.period(input.period(), plan);
        CheckedReport report = ProgressInputRules.report(plan, activity, input.status(), input.commentary(), input.explanation(),
                input.milestones());
        records.latest(activity.getId(), period).ifPresent(existing -> {
            throw new InvalidInputException("period", "Activity " + activity.getReference() + " was reported for " + period
                    + " already (" + existing.getId() + "); correct that update, giving a reason, instead");
        });
        return store(ProgressUpdate.first(activity, period, report, author, authorOrganisation, plan.isRequiresApproval(), null));
    }

    ProgressUpdate correct(CorrectProgressInput input) {
        Caller caller = RecordAccess.requireSignedIn();
        ProgressUpdate corrected = records.require(input.id(), "id");
        Activity activity = activities.require(corrected.getActivityId(), "id");
        Plan plan = plans.require(activity.getPlanId(), "id");
        requireMayReport(caller, plan, activity);
        String reason = ProgressInputRules.reason(input.reason());
        ProgressUpdate latest = records.latest(activity.getId(), ReportingPeriod.parse(corrected.getPeriod())).orElseThrow();
        if (latest.getRevision() != corrected.getRevision()) {
            throw new InvalidInputException("id", corrected.getId() + " has been corrected already by " + latest.getId()
                    + "; correct the latest revision");
        }
        CheckedReport report = ProgressInputRules.report(plan, activity,
                input.status() != null ? input.status() : corrected.getStatus(),
                input.commentary() != null ? input.commentary() : corrected.getCommentary(),
                input.explanation() != null ? input.explanation() : corrected.getExplanation(),
                input.milestones() != null ? input.milestones() : asInputs(corrected));
        return store(corrected.correctedBy(activity, report, reason, caller.subject(), caller.organisation(), plan.isRequiresApproval(), null));
    }

    /** An admin of the plan's owner makes a draft public; it must be the latest revision for its activity and period. */
    ProgressUpdate publish(PublishProgressInput input) {
        RecordAccess.requireSignedIn();
        ProgressUpdate draft = records.require(input.id(), "id");
        Plan plan = plans.require(draft.getPlanId(), "id");
        Caller admin = RecordAccess.requireAdminOf(plan.getOwnerOrganisation());
        ProgressUpdate published = ConflictRetry.run(() -> {
            ProgressUpdate update = records.require(input.id(), "id");
            if (!update.isDraft()) {
                throw new InvalidInputException("id", update.getId() + " is published already");
            }
            ProgressUpdate latest = records.latest(update.getActivityId(), ReportingPeriod.parse(update.getPeriod())).orElseThrow();
            if (latest.getRevision() != update.getRevision()) {
                throw new InvalidInputException("id", update.getId() + " has been corrected by " + latest.getId() + "; publish that instead");
            }
            update.publish(admin.subject());
            return mongo.save(update);
        });
        activities.applyMilestoneProgress(published.getActivityId(), published.getMilestones(), published.getAuthor(), published.getId());
        return published;
    }

    /** The update first, as the record; then, once it is public, the activity's milestones, kept in step with it. */
    private ProgressUpdate store(ProgressUpdate update) {
        ProgressUpdate stored = mongo.insert(update);
        if (!stored.isDraft()) {
            activities.applyMilestoneProgress(stored.getActivityId(), stored.getMilestones(), stored.getAuthor(), stored.getId());
        }
        return stored;
    }

    private static void requireMayReport(Caller caller, Plan plan, Activity activity) {
        if (RecordAccess.canEdit(caller, plan.getOwnerOrganisation())) {
            return;
        }
        boolean named = activity.names(caller.organisation());
        boolean editor = caller.has(Role.EDITOR) || caller.has(Role.ADMIN);
        if (named && editor && plan.isPartnersMayReport()) {
            return;
        }
        if (named && editor) {
            throw new AccessDeniedException(plan.getId() + " does not let partner organisations report progress; "
                    + "ask " + plan.getOwnerOrganisation() + " to report it");
        }
        throw new AccessDeniedException("Only editors or admins of " + plan.getOwnerOrganisation()
                + (plan.isPartnersMayReport() ? ", or of an organisation named on the activity," : "")
                + " may report progress on activity " + activity.getReference() + "; you are signed in for "
                + caller.organisation() + " with roles " + caller.roles());
    }

    private static List<MilestoneProgressInput> asInputs(ProgressUpdate update) {
        return update.getMilestones().stream().map(m -> new MilestoneProgressInput(m.milestoneId(), m.status(),
                m.revisedDueDate() == null ? null : m.revisedDueDate().toString())).toList();
    }
}
