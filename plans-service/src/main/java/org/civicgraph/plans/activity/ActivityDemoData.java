package org.civicgraph.plans.activity;

import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.PlanCatalogue;
import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Loads the activities and milestones of the demo plans ({@code demo/activities.json}, one entry per plan) into an
 * empty collection, after the plans and before the progress reported on them.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class ActivityDemoData extends DemoDataLoader<ActivityDemoData.PlanRow> {

    private static final String LOADED_BY = "demo-data";

    private final ActivityCatalogue activities;
    private final PlanCatalogue plans;

    ActivityDemoData(ActivityCatalogue activities, PlanCatalogue plans) {
        super("demo/activities.json", PlanRow.class);
        this.activities = activities;
        this.plans = plans;
    }

    @Override
    protected boolean hasData() {
        return activities.count() > 0;
    }

    @Override
    protected void importRecord(PlanRow row) {
        Plan plan = plans.require(row.planId(), "planId");
        for (CreateActivityInput activity : row.activities()) {
            activities.add(new CreateActivityInput(plan.getId(), activity.reference(), activity.referenceYear(), activity.formerReferences(),
                    activity.objective(), activity.description(), activity.leadOrganisation(), activity.partnerOrganisations(),
                    activity.areas(), activity.outputs(), activity.successMeasureIndicators(), activity.milestones(), activity.note()), plan, LOADED_BY);
        }
    }

    /** The activities of one plan, as {@link CreateActivityInput}s without their plan id; their progress is read by the progress loader. */
    record PlanRow(String planId, List<CreateActivityInput> activities) {
    }
}
