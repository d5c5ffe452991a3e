package org.civicgraph.plans.progress;

/** @param id a draft update, the latest revision for its activity and period */
record PublishProgressInput(String id) {
}
