package org.civicgraph.plans.plan;

import java.util.List;

/** An objective as the API shows it: with its plan and theme, so that it can find its activities. */
public record PlanObjective(String planId, String themeKey, Objective objective) {

    public String key() {
        return objective.key();
    }

    public String title() {
        return objective.title();
    }

    public List<String> successMeasures() {
        return objective.successMeasures();
    }
}
