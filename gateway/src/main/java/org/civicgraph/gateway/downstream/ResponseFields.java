package org.civicgraph.gateway.downstream;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.ClientResponseField;

import java.util.List;
import java.util.Map;

/**
 * Parts of a service's answer as the maps and lists it was decoded into. {@code toEntity(Map.class)} would encode
 * each part back to JSON and decode it again, which for a view's hundreds of records was a measurable share of the
 * gateway's time; a part that is missing because of an error still fails as {@code toEntity} does.
 */
public final class ResponseFields {

    private ResponseFields() {
    }

    /** The object at the path, such as {@code area.profile}; null when the service answered null without an error. */
    public static Map<String, Object> object(ClientGraphQlResponse response, String path) {
        return value(response, path);
    }

    /** The list at the path; empty when the service answered null without an error. */
    public static List<Map<String, Object>> list(ClientGraphQlResponse response, String path) {
        List<Map<String, Object>> list = value(response, path);
        return list == null ? List.of() : list;
    }

    /** The nodes of the connection at the path, such as {@code activities} (its {@code edges[].node}). */
    public static List<Map<String, Object>> nodes(ClientGraphQlResponse response, String connectionPath) {
        return list(response, connectionPath + ".edges").stream().map(ResponseFields::node).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Map<String, Object> edge) {
        return (Map<String, Object>) edge.get("node");
    }

    private static <T> T value(ClientGraphQlResponse response, String path) {
        ClientResponseField field = response.field(path);
        T value = field.getValue();
        if (value == null && !field.getErrors().isEmpty()) {
            field.toEntity(Object.class); // throws the FieldAccessException, naming the service's errors
            throw new IllegalStateException("The service answered " + path + " with errors: " + field.getErrors());
        }
        return value;
    }
}
