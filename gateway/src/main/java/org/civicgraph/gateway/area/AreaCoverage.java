package org.civicgraph.gateway.area;

import org.civicgraph.gateway.downstream.AliasedLists;
import org.civicgraph.gateway.downstream.Subgraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks one service, in a single request, for the records that cover each area of a lineage, using one aliased
 * field per area, and marks each record with the area it was recorded for.
 */
final class AreaCoverage {

    private AreaCoverage() {
    }

    /**
     * What to ask for each area of the lineage.
     *
     * @param field     the service's list field, such as {@code organisations}
     * @param filterArg the filter field naming an area, such as {@code areaServed}
     * @param selection the node fields to return
     * @param recordKey the key under which the record is returned in each result
     * @param pageSize  how many records per area at most; the whole request must stay within the service's complexity limit
     */
    record Records(String field, String filterArg, String selection, String recordKey, int pageSize) {
    }

    /** @param bearerToken the caller's token, passed on so the service applies its own access rules */
    static List<Map<String, Object>> covering(Subgraph subgraph, String bearerToken, List<String> lineage, Records records) {
        return covering(subgraph, bearerToken, lineage, List.of(records)).get(0);
    }

    /** Several kinds of records covering the lineage, from one service in one request: the results of each kind. */
    static List<List<Map<String, Object>>> covering(Subgraph subgraph, String bearerToken, List<String> lineage, List<Records> kinds) {
        List<AliasedLists.Pages> lists = kinds.stream().map(kind -> new AliasedLists.Pages(kind.field(),
                lineage.stream().map(code -> Map.of(kind.filterArg(), code)).toList(), kind.selection(), kind.pageSize())).toList();
        List<List<List<Map<String, Object>>>> fetched = AliasedLists.fetch(subgraph, bearerToken, lists);
        List<List<Map<String, Object>>> byKind = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            List<Map<String, Object>> results = new ArrayList<>();
            for (int i = 0; i < lineage.size(); i++) {
                for (Map<String, Object> node : fetched.get(k).get(i)) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put(kinds.get(k).recordKey(), node);
                    result.put("via", lineage.get(i));
                    result.put("inherited", i > 0);
                    results.add(result);
                }
            }
            byKind.add(results);
        }
        return byKind;
    }
}
