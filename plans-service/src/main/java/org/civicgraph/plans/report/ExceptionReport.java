package org.civicgraph.plans.report;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.Milestone;
import org.civicgraph.plans.progress.ProgressUpdate;

import java.util.List;

/**
 * What needs attention in a plan for a period, each list in reference order.
 *
 * @param behindPlan          activities whose current update has a behind-plan status on the plan's scale
 * @param overdueMilestones   milestones due (or revised to) on or before the period's last day and neither met nor withdrawn
 * @param notReported         activities with no update for the period
 * @param missingExplanations behind-plan updates without an explanation (reported before the scale made their status
 *                            a behind-plan one, since a new report cannot lack it)
 */
record ExceptionReport(String planId, String period, List<Entry> behindPlan, List<OverdueMilestone> overdueMilestones,
                       List<Activity> notReported, List<Entry> missingExplanations) {

    public Counts counts() {
        return new Counts(behindPlan.size(), overdueMilestones.size(), notReported.size(), missingExplanations.size());
    }

    record Counts(int behindPlan, int overdueMilestones, int notReported, int missingExplanations) {
    }

    record Entry(Activity activity, ProgressUpdate update) {
    }

    record OverdueMilestone(Activity activity, Milestone milestone) {
    }
}
