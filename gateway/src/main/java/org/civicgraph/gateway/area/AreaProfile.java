package org.civicgraph.gateway.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The area a profile is for. Its place in the hierarchy is looked up once per request and shared by the parts of
 * the view, since records for a county or region also cover each district within it.
 */
final class AreaProfile {

    private final String code;
    private Map<String, Object> area;
    private RuntimeException areaFailure;
    private boolean looked;

    AreaProfile(String code) {
        this.code = code;
    }

    String getCode() {
        return code;
    }

    synchronized Map<String, Object> area(java.util.function.Supplier<Map<String, Object>> lookup) {
        if (!looked) {
            looked = true;
            try {
                area = lookup.get();
            } catch (RuntimeException e) {
                areaFailure = e;
            }
        }
        if (areaFailure != null) {
            throw areaFailure;
        }
        return area;
    }

    /** This area and the areas it lies in, nearest first; just this area when the hierarchy is unknown. */
    synchronized List<String> lineage() {
        List<String> codes = new ArrayList<>(List.of(code));
        if (area != null && area.get("ancestors") instanceof List<?> ancestors) {
            ancestors.forEach(ancestor -> codes.add(String.valueOf(((Map<?, ?>) ancestor).get("code"))));
        }
        return codes;
    }
}
