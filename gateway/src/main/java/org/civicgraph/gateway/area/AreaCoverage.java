package org.civicgraph.gateway.area;

import org.civicgraph.gateway.downstream.Subgraph;
import org.springframework.graphql.client.ClientGraphQlResponse;

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
     * @param bearerToken the caller's token, passed on so the service applies its own access rules
     * @param field      the service's list field, such as {@code organisations}
     * @param filterArg  the filter field naming an area, such as {@code areaServed}
     * @param selection  the node fields to return
     * @param recordKey  the key under which the record is returned in each result
     * @param pageSize   how many records per area at most; the whole request must stay within the service's complexity limit
     */
    static List<Map<String, Object>> covering(Subgraph subgraph, String bearerToken, List<String> lineage, String field,
                                              String filterArg, String selection, String recordKey, int pageSize) {
        StringBuilder document = new StringBuilder("query(");
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < lineage.size(); i++) {
            document.append(i == 0 ? "" : ", ").append("$a").append(i).append(": String");
            variables.put("a" + i, lineage.get(i));
        }
        document.append(") {");
        for (int i = 0; i < lineage.size(); i++) {
            document.append(" a").append(i).append(": ").append(field).append("(filter: {").append(filterArg)
                    .append(": $a").append(i).append("}, first: ").append(pageSize).append(") { edges { node { ").append(selection).append(" } } }");
        }
        document.append(" }");

        ClientGraphQlResponse response = subgraph.query(document.toString(), variables, bearerToken);
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < lineage.size(); i++) {
            String via = lineage.get(i);
            for (Object node : response.field("a" + i + ".edges").toEntityList(Map.class)) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put(recordKey, ((Map<?, ?>) node).get("node"));
                result.put("via", via);
                result.put("inherited", i > 0);
                results.add(result);
            }
        }
        return results;
    }
}
