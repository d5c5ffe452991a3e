package org.civicgraph.gateway.downstream;

import org.springframework.graphql.client.ClientGraphQlResponse;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Several filtered pages of list fields of a service in a single request, one aliased field per filter. */
public final class AliasedLists {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Pages of one list field.
     *
     * @param field     the service's connection field, such as {@code activities}
     * @param filters   one filter input per page, such as {@code {area: "E07000136"}}; a JSON string is a GraphQL string
     * @param selection the node fields to return
     */
    public record Pages(String field, List<Map<String, String>> filters, String selection, int pageSize) {
    }

    private AliasedLists() {
    }

    /** Pages of one list field ({@link Pages}): the nodes of each page, in the order of the filters. */
    public static List<List<Map<String, Object>>> fetch(Subgraph subgraph, String bearerToken, String field,
                                                        List<Map<String, String>> filters, String selection, int pageSize) {
        return fetch(subgraph, bearerToken, List.of(new Pages(field, filters, selection, pageSize))).get(0);
    }

    /** Pages of several list fields in one request: for each, the nodes of each page in the order of its filters. */
    public static List<List<List<Map<String, Object>>>> fetch(Subgraph subgraph, String bearerToken, List<Pages> lists) {
        StringBuilder document = new StringBuilder("{");
        for (int l = 0; l < lists.size(); l++) {
            Pages list = lists.get(l);
            for (int i = 0; i < list.filters().size(); i++) {
                document.append(' ').append(alias(l, i)).append(": ").append(list.field()).append("(filter: {");
                List<String> arguments = new ArrayList<>();
                list.filters().get(i).forEach((name, value) -> arguments.add(name + ": " + JSON.writeValueAsString(value)));
                document.append(String.join(", ", arguments)).append("}, first: ").append(list.pageSize())
                        .append(") { edges { node { ").append(list.selection()).append(" } } }");
            }
        }
        ClientGraphQlResponse response = subgraph.query(document.append(" }").toString(), Map.of(), bearerToken);
        List<List<List<Map<String, Object>>>> results = new ArrayList<>();
        for (int l = 0; l < lists.size(); l++) {
            List<List<Map<String, Object>>> pages = new ArrayList<>();
            for (int i = 0; i < lists.get(l).filters().size(); i++) {
                pages.add(ResponseFields.nodes(response, alias(l, i)));
            }
            results.add(pages);
        }
        return results;
    }

    /** a0, a1 ... for the first list (as a single list has always been asked for), b0 ... for the second. */
    private static String alias(int list, int page) {
        return (char) ('a' + list) + String.valueOf(page);
    }
}
