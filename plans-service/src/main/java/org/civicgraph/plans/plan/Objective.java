package org.civicgraph.plans.plan;

/** What a theme sets out to achieve, under whatever name the plan gives it ({@link Plan#getObjectiveLabel()}). */
public record Objective(String title) {
}
