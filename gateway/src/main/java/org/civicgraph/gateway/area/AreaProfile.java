package org.civicgraph.gateway.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The area a profile is for. indicators-service is asked once per request, for the area, the areas it lies in and
 * the area's indicators together, and that answer is shared by the parts of the view that need it; so is
 * plans-service's answer when the request asks for both the plans and the activities covering the area.
 */
final class AreaProfile {

    private final String code;
    private final boolean plansWithActivities;
    private CompletableFuture<Map<String, Object>> area;
    private CompletableFuture<List<List<Map<String, Object>>>> plansAndActivities;

    AreaProfile(String code, boolean plansWithActivities) {
        this.code = code;
        this.plansWithActivities = plansWithActivities;
    }

    String getCode() {
        return code;
    }

    /** Whether the request asks for both the plans and the activities, which plans-service then answers together. */
    boolean plansWithActivities() {
        return plansWithActivities;
    }

    /** The plans and the activities covering the area, asked for by whichever of the two parts needs them first. */
    synchronized CompletableFuture<List<List<Map<String, Object>>>> plansAndActivities(
            Supplier<CompletableFuture<List<List<Map<String, Object>>>>> lookup) {
        if (plansAndActivities == null) {
            plansAndActivities = lookup.get();
        }
        return plansAndActivities;
    }

    /** The area with its ancestors and profile, asked for by whichever part of the view needs it first. */
    synchronized CompletableFuture<Map<String, Object>> area(Supplier<CompletableFuture<Map<String, Object>>> lookup) {
        if (area == null) {
            area = lookup.get();
        }
        return area;
    }

    /** This area and the areas it lies in, nearest first; just this area when the hierarchy could not be had. */
    CompletableFuture<List<String>> lineage(Supplier<CompletableFuture<Map<String, Object>>> lookup) {
        return area(lookup).handle((found, failure) -> lineageOf(code, found));
    }

    static List<String> lineageOf(String code, Map<String, Object> area) {
        List<String> codes = new ArrayList<>(List.of(code));
        if (area != null && area.get("ancestors") instanceof List<?> ancestors) {
            ancestors.forEach(ancestor -> codes.add(String.valueOf(((Map<?, ?>) ancestor).get("code"))));
        }
        return codes;
    }
}
