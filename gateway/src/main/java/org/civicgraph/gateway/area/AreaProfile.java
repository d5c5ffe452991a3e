package org.civicgraph.gateway.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The area a profile is for. Its place in the hierarchy is looked up once per request and shared by the parts of
 * the view, since records for a county or region also cover each district within it.
 */
final class AreaProfile {

    private final String code;
    private CompletableFuture<Map<String, Object>> area;

    AreaProfile(String code) {
        this.code = code;
    }

    String getCode() {
        return code;
    }

    /** The area from indicators-service, asked for by whichever part of the view needs it first. */
    synchronized CompletableFuture<Map<String, Object>> area(Supplier<CompletableFuture<Map<String, Object>>> lookup) {
        if (area == null) {
            area = lookup.get();
        }
        return area;
    }

    /** This area and the areas it lies in, nearest first; just this area when the hierarchy could not be had. */
    CompletableFuture<List<String>> lineage(Supplier<CompletableFuture<Map<String, Object>>> lookup) {
        return area(lookup).handle((found, failure) -> {
            List<String> codes = new ArrayList<>(List.of(code));
            if (found != null && found.get("ancestors") instanceof List<?> ancestors) {
                ancestors.forEach(ancestor -> codes.add(String.valueOf(((Map<?, ?>) ancestor).get("code"))));
            }
            return codes;
        });
    }
}
