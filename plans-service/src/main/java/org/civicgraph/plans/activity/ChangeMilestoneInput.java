package org.civicgraph.plans.activity;

/** The changes asked for; dates are ISO dates and a null field is left as it is. */
record ChangeMilestoneInput(String activityId, String milestoneId, String text, String dueDate, MilestoneStatus status,
                            String revisedDueDate) {
}
