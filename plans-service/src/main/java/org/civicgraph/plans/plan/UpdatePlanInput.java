package org.civicgraph.plans.plan;

/** The changes asked for; a null field is left as it is. */
record UpdatePlanInput(String id, String title, String period, Visibility visibility) {
}
