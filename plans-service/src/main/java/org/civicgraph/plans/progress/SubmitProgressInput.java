package org.civicgraph.plans.progress;

import java.util.List;

/**
 * A report of one activity's progress for one quarter.
 *
 * @param period any form {@link org.civicgraph.plans.period.ReportingPeriod#parse} reads, such as 2020/21 Q4
 * @param status a label of the plan's RAG scale
 */
record SubmitProgressInput(String activityId, String period, String status, String commentary, String explanation,
                           List<MilestoneProgressInput> milestones) {

    SubmitProgressInput {
        milestones = milestones == null ? List.of() : milestones;
    }
}
