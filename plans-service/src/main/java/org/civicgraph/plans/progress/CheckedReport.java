package org.civicgraph.plans.progress;

import org.civicgraph.plans.activity.MilestoneProgress;
import org.civicgraph.plans.plan.RagStatus;

import java.util.List;

/** A progress report that {@link ProgressInputRules} has checked against the plan and the activity. */
record CheckedReport(RagStatus status, String commentary, String explanation, List<MilestoneProgress> milestones) {
}
