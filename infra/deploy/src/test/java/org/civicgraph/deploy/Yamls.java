package org.civicgraph.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.Yaml;

/** Loads YAML files and walks the resulting maps and lists with readable failure messages. */
final class Yamls {

    private Yamls() {
    }

    /** Every document in the file, skipping empty ones (a trailing {@code ---}). */
    static List<Map<String, Object>> loadAll(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(asMap(document, file.toString()));
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single document in the file. */
    static Map<String, Object> load(Path file) {
        List<Map<String, Object>> documents = loadAll(file);
        assertThat(documents).as("documents in %s", file).hasSize(1);
        return documents.get(0);
    }

    /** The value at {@code path} below {@code node}, failing if any step is missing. */
    static Object get(Object node, String... path) {
        Object current = node;
        StringBuilder walked = new StringBuilder();
        for (String key : path) {
            Map<String, Object> map = asMap(current, walked.toString());
            walked.append('/').append(key);
            assertThat(map).as("YAML node at %s", walked).containsKey(key);
            current = map.get(key);
        }
        return current;
    }

    static Map<String, Object> map(Object node, String... path) {
        return asMap(get(node, path), String.join("/", path));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object value = get(node, path);
        assertThat(value).as("list at %s", String.join("/", path)).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** A scalar as text, so that {@code 8080} and {@code "8080"} compare alike. */
    static String string(Object node, String... path) {
        return Objects.toString(get(node, path), null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node, String where) {
        assertThat(node).as("mapping at %s", where).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }
}
