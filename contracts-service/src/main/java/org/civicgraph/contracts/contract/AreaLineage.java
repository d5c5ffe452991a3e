package org.civicgraph.contracts.contract;

import org.civicgraph.contracts.ContractsProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The areas an area lies within, nearest first, from the configured parents (district, county, region, country).
 * A copy of reference data the indicators service owns, small and slow to change; kept in configuration until this
 * service is fed area events.
 */
@Component
class AreaLineage {

    private static final int DEEPEST = 10;

    private final Map<String, String> parents;

    AreaLineage(ContractsProperties properties) {
        this.parents = properties.areaParents();
    }

    /** The area itself, then each area it lies within. */
    List<String> of(String area) {
        List<String> lineage = new ArrayList<>();
        for (String current = area; current != null && lineage.size() < DEEPEST && !lineage.contains(current); current = parents.get(current)) {
            lineage.add(current);
        }
        return lineage;
    }
}
