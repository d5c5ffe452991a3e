package org.civicgraph.plans.plan;

import java.util.LinkedHashSet;
import java.util.List;

/** Lists of partner-directory organisation ids, as plans and activities keep them. */
public final class OrganisationIds {

    private OrganisationIds() {
    }

    /** The ids in order with one replaced by another, which then appears once; the same list when it is not there. */
    public static List<String> replacing(List<String> ids, String replaced, String replacement) {
        if (ids == null || !ids.contains(replaced)) {
            return ids;
        }
        LinkedHashSet<String> result = new LinkedHashSet<>();
        ids.forEach(id -> result.add(id.equals(replaced) ? replacement : id));
        return List.copyOf(result);
    }
}
