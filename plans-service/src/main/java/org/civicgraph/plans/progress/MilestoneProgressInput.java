package org.civicgraph.plans.progress;

import org.civicgraph.plans.activity.MilestoneStatus;

/** @param revisedDueDate ISO date */
record MilestoneProgressInput(String milestoneId, MilestoneStatus status, String revisedDueDate) {
}
