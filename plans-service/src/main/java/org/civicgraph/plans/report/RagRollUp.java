package org.civicgraph.plans.report;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.ActivityCatalogue;
import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.plans.plan.Objective;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.PlanCatalogue;
import org.civicgraph.plans.plan.PlanObjective;
import org.civicgraph.plans.plan.PlanTheme;
import org.civicgraph.plans.plan.Theme;
import org.civicgraph.plans.progress.ProgressRecords;
import org.civicgraph.plans.progress.ProgressUpdate;
import org.civicgraph.platform.security.Caller;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts each status per objective, theme and plan for a period. Three queries whatever the plan's size: the plan,
 * where its activities sit, and the updates for the period; the counting is done here.
 */
@Service
class RagRollUp {

    private final PlanCatalogue plans;
    private final ActivityCatalogue activities;
    private final ProgressRecords records;

    RagRollUp(PlanCatalogue plans, ActivityCatalogue activities, ProgressRecords records) {
        this.plans = plans;
        this.activities = activities;
        this.records = records;
    }

    RagSummary summarise(Plan plan, ReportingPeriod period) {
        Map<String, ProgressUpdate> current = records.currentStatusesInPlan(plan.getId(), period, plan.showsDraftsTo(Caller.current()));
        RagCounts whole = new RagCounts(plan.scale());
        Map<String, RagCounts> byTheme = new HashMap<>();
        Map<String, RagCounts> byObjective = new HashMap<>();
        for (Activity activity : activities.placements(plan.getId())) {
            ProgressUpdate update = current.get(activity.getId());
            String status = update == null ? null : update.getStatus();
            whole.count(status);
            byTheme.computeIfAbsent(activity.getThemeKey(), key -> new RagCounts(plan.scale())).count(status);
            byObjective.computeIfAbsent(activity.getObjectiveKey(), key -> new RagCounts(plan.scale())).count(status);
        }
        List<RagSummary.ThemeCounts> themes = new ArrayList<>();
        for (Theme theme : plan.getThemes()) {
            List<RagSummary.ObjectiveCounts> objectives = new ArrayList<>();
            for (Objective objective : theme.objectives()) {
                objectives.add(new RagSummary.ObjectiveCounts(new PlanObjective(plan.getId(), theme.key(), objective),
                        byObjective.getOrDefault(objective.key(), new RagCounts(plan.scale()))));
            }
            themes.add(new RagSummary.ThemeCounts(new PlanTheme(plan.getId(), theme),
                    byTheme.getOrDefault(theme.key(), new RagCounts(plan.scale())), objectives));
        }
        return new RagSummary(plan.getId(), period.toString(), plan.getRagScale(), whole, themes);
    }
}
