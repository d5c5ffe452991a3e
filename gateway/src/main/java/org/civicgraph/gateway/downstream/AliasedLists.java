package org.civicgraph.gateway.downstream;

import org.springframework.graphql.client.ClientGraphQlResponse;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Several filtered pages of one list field of a service in a single request, one aliased field per filter. */
public final class AliasedLists {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AliasedLists() {
    }

    /**
     * @param field     the service's connection field, such as {@code activities}
     * @param filters   one filter input per page, such as {@code {area: "E07000136"}}; a JSON string is a GraphQL string
     * @param selection the node fields to return
     * @return the nodes of each page, in the order of the filters
     */
    public static List<List<Map<String, Object>>> fetch(Subgraph subgraph, String bearerToken, String field,
                                                        List<Map<String, String>> filters, String selection, int pageSize) {
        StringBuilder document = new StringBuilder("{");
        for (int i = 0; i < filters.size(); i++) {
            document.append(" a").append(i).append(": ").append(field).append("(filter: {");
            List<String> arguments = new ArrayList<>();
            filters.get(i).forEach((name, value) -> arguments.add(name + ": " + JSON.writeValueAsString(value)));
            document.append(String.join(", ", arguments)).append("}, first: ").append(pageSize)
                    .append(") { edges { node { ").append(selection).append(" } } }");
        }
        ClientGraphQlResponse response = subgraph.query(document.append(" }").toString(), Map.of(), bearerToken);
        List<List<Map<String, Object>>> pages = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            pages.add(ResponseFields.nodes(response, "a" + i));
        }
        return pages;
    }
}
