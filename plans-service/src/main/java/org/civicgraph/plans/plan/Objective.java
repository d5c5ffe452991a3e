package org.civicgraph.plans.plan;

import java.util.List;

/**
 * What a theme sets out to achieve, under whatever name the plan gives it ({@link Plan#getObjectiveLabel()}).
 *
 * @param key             stable within the plan, for activities to point to
 * @param successMeasures "what success will look like", as the plan words it
 */
public record Objective(String key, String title, List<String> successMeasures) {

    public Objective {
        successMeasures = successMeasures == null ? List.of() : List.copyOf(successMeasures);
    }
}
