package org.civicgraph.plans.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Inputs for plans made in tests; ids are unique because the test classes share one database. */
final class TestPlans {

    static final String CREATE = """
            mutation($input: CreatePlanInput!) {
              createPlan(input: $input) {
                plan { id ownerOrganisation title kind period visibility themeLabel objectiveLabel areas themes { title objectives { title } } }
              }
            }""";

    private TestPlans() {
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The least a new plan needs, titled "Test plan {id}", for the period 2024-2028. */
    static Map<String, Object> newPlan(String id, String owner) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", id);
        input.put("ownerOrganisation", owner);
        input.put("title", "Test plan " + id);
        input.put("kind", "STRATEGY");
        input.put("period", "2024-2028");
        return input;
    }
}
