package org.civicgraph.gateway.attention;

import org.springframework.graphql.client.ClientGraphQlResponse;

import java.util.List;
import java.util.Map;

/** The nodes of a service's connection field. */
final class Connections {

    private Connections() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nodes(ClientGraphQlResponse response, String field) {
        return response.field(field + ".edges").toEntityList(Map.class).stream()
                .map(edge -> (Map<String, Object>) edge.get("node"))
                .toList();
    }
}
