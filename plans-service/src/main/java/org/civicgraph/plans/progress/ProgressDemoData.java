package org.civicgraph.plans.progress;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.ActivityCatalogue;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.PlanCatalogue;
import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Loads the progress reported in the source documents ({@code progress} of each activity in
 * {@code demo/activities.json}), after the plans and activities, through the same checks as any report.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class ProgressDemoData extends DemoDataLoader<ProgressDemoData.PlanRow> {

    private static final String LOADED_BY = "demo-data";

    private final MongoTemplate mongo;
    private final PlanCatalogue plans;
    private final ActivityCatalogue activities;
    private final ProgressReporting reporting;

    ProgressDemoData(MongoTemplate mongo, PlanCatalogue plans, ActivityCatalogue activities, ProgressReporting reporting) {
        super("demo/activities.json", PlanRow.class);
        this.mongo = mongo;
        this.plans = plans;
        this.activities = activities;
        this.reporting = reporting;
    }

    @Override
    protected boolean hasData() {
        return mongo.exists(new Query(), ProgressUpdate.class);
    }

    @Override
    protected void importRecord(PlanRow row) {
        Plan plan = plans.require(row.planId(), "planId");
        for (ActivityRow activityRow : row.activities()) {
            if (activityRow.progress() == null || activityRow.progress().isEmpty()) {
                continue;
            }
            Activity activity = activities.findByReference(plan.getId(), activityRow.reference(), null, activityRow.referenceYear())
                    .orElseThrow(() -> new IllegalStateException("Demo progress for unknown activity " + activityRow.reference()));
            for (ProgressRow progress : activityRow.progress()) {
                reporting.record(new SubmitProgressInput(activity.getId(), progress.period(), progress.status(), progress.commentary(),
                        progress.explanation(), progress.milestones()), activity, plan, LOADED_BY, plan.getOwnerOrganisation());
            }
        }
    }

    record PlanRow(String planId, List<ActivityRow> activities) {
    }

    record ActivityRow(String reference, String referenceYear, List<ProgressRow> progress) {
    }

    record ProgressRow(String period, String status, String commentary, String explanation, List<MilestoneProgressInput> milestones) {
    }
}
