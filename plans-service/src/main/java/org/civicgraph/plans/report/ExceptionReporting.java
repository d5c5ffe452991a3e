package org.civicgraph.plans.report;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.ActivityCatalogue;
import org.civicgraph.plans.activity.Milestone;
import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.RagScale;
import org.civicgraph.plans.progress.ProgressRecords;
import org.civicgraph.plans.progress.ProgressUpdate;
import org.civicgraph.platform.security.Caller;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a plan's exception report for a period from two queries whatever the plan's size: its activities with their
 * milestones, and the updates for the period. Whether a status is behind plan is judged by the plan's scale as it is now.
 */
@Service
class ExceptionReporting {

    private final ActivityCatalogue activities;
    private final ProgressRecords records;

    ExceptionReporting(ActivityCatalogue activities, ProgressRecords records) {
        this.activities = activities;
        this.records = records;
    }

    ExceptionReport report(Plan plan, ReportingPeriod period) {
        RagScale scale = plan.scale();
        Map<String, ProgressUpdate> current = records.currentInPlan(plan.getId(), period, plan.showsDraftsTo(Caller.current()));
        List<ExceptionReport.Entry> behindPlan = new ArrayList<>();
        List<ExceptionReport.OverdueMilestone> overdue = new ArrayList<>();
        List<Activity> notReported = new ArrayList<>();
        List<ExceptionReport.Entry> missingExplanations = new ArrayList<>();
        for (Activity activity : activities.allInPlan(plan.getId())) {
            ProgressUpdate update = current.get(activity.getId());
            if (update == null) {
                notReported.add(activity);
            } else if (scale.isBehindPlan(update.getStatus())) {
                behindPlan.add(new ExceptionReport.Entry(activity, update));
                if (!update.hasExplanation()) {
                    missingExplanations.add(new ExceptionReport.Entry(activity, update));
                }
            }
            for (Milestone milestone : activity.getMilestones()) {
                if (milestone.isOverdueOn(period.lastDay())) {
                    overdue.add(new ExceptionReport.OverdueMilestone(activity, milestone));
                }
            }
        }
        return new ExceptionReport(plan.getId(), period.toString(), behindPlan, overdue, notReported, missingExplanations);
    }
}
