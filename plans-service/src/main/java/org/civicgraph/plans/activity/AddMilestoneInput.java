package org.civicgraph.plans.activity;

/** @param dueDate ISO date, or null when the milestone has none */
record AddMilestoneInput(String activityId, String text, String dueDate) {
}
