package org.civicgraph.gateway.execution;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a GraphQL answer (maps with string keys, lists, strings, numbers, booleans and nulls, as graphql-java builds
 * it) straight to a JSON generator. Jackson's object mapper looks up a serializer for every value of every map and
 * list, which for a view's several hundred records was a fifth of the time spent writing the answer; anything else
 * (an error's extensions may hold any object) still goes to the mapper, so the bytes are the mapper's own.
 */
final class ResultJson {

    private ResultJson() {
    }

    static void write(JsonGenerator generator, Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String string) {
            generator.writeString(string);
        } else if (value instanceof Map<?, ?> map && hasStringKeys(map)) {
            generator.writeStartObject(map, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeName((String) entry.getKey());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray(list, list.size());
            for (Object item : list) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number.intValue());
        } else if (value instanceof Long number) {
            generator.writeNumber(number.longValue());
        } else if (value instanceof Double number) {
            generator.writeNumber(number.doubleValue());
        } else {
            generator.writePOJO(value);
        }
    }

    private static boolean hasStringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this writer gives the same bytes as the mapper for a sample answer: not when the mapper is set up to
     * sort map entries, leave out nulls or write numbers differently, in which case the mapper writes every answer.
     */
    static boolean matches(JsonMapper mapper) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "Boston — \"district\"\n");
        row.put("value", 12.5);
        row.put("count", 3);
        row.put("big", 12_345_678_901L);
        row.put("missing", null);
        row.put("flag", true);
        row.put("whole", 2.0);
        List<Object> rows = new ArrayList<>(List.of(row, List.of()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("errors", List.of(Map.of("message", "m", "extensions", Map.of("code", "X"))));
        answer.put("data", Map.of("z", rows, "a", Map.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            write(generator, answer);
        }
        return mapper.writeValueAsString(answer).equals(out.toString(StandardCharsets.UTF_8));
    }
}
