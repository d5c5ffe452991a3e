package org.civicgraph.plans.activity;

import java.time.LocalDate;

/** What a progress update says about one of the activity's milestones; a null field leaves that part as it was. */
public record MilestoneProgress(String milestoneId, MilestoneStatus status, LocalDate revisedDueDate) {
}
