package org.civicgraph.plans.report;

import org.civicgraph.plans.plan.PlanObjective;
import org.civicgraph.plans.plan.PlanTheme;
import org.civicgraph.plans.plan.RagStatus;

import java.util.List;

/** The RAG roll-up of a plan for a period: the whole plan, each theme, and each objective within it. */
record RagSummary(String planId, String period, List<RagStatus> scale, RagCounts counts, List<ThemeCounts> themes) {

    record ThemeCounts(PlanTheme theme, RagCounts counts, List<ObjectiveCounts> objectives) {
    }

    record ObjectiveCounts(PlanObjective objective, RagCounts counts) {
    }
}
