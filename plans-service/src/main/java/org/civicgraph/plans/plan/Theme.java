package org.civicgraph.plans.plan;

import java.util.List;

/** The top level of a plan, under whatever name the plan gives it ({@link Plan#getThemeLabel()}). */
public record Theme(String title, List<Objective> objectives) {

    public Theme {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
    }
}
