package org.civicgraph.plans.activity;

import java.time.LocalDate;

/** Checked changes to a milestone; a null field is left as it is. */
record MilestoneChanges(String text, LocalDate dueDate, MilestoneStatus status, LocalDate revisedDueDate) {
}
