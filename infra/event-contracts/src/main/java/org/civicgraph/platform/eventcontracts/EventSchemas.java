package org.civicgraph.platform.eventcontracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JSON Schemas of a service's event data, one file per event type: {@code events/schemas/<ce_type>.schema.json}.
 * Checks real event data against them strictly: besides what the schema says, a property the schema does not declare
 * is an error, so a field the code adds without documenting it is caught (the published schemas stay open, so that
 * consumers' validation tolerates properties added later).
 */
public final class EventSchemas {

    /** A CloudEvents type as the services write them: reverse domain, dotted, ending in its version. */
    public static final Pattern VERSIONED_TYPE = Pattern.compile("org\\.civicgraph(\\.[a-z0-9][a-z0-9-]*)+\\.v[1-9][0-9]*");
    static final String SUFFIX = ".schema.json";
    static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final Map<String, JsonNode> schemas;
    private final Map<String, JsonSchema> strict = new ConcurrentHashMap<>();

    private EventSchemas(Map<String, JsonNode> schemas) {
        this.schemas = Collections.unmodifiableMap(new TreeMap<>(schemas));
    }

    /** The schemas on the classpath, as a service serves them. */
    public static EventSchemas fromClasspath() {
        Map<String, JsonNode> schemas = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + EventContractsController.SCHEMAS + "*" + SUFFIX)) {
                try (InputStream in = resource.getInputStream()) {
                    schemas.put(typeOf(resource.getFilename()), JSON.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventSchemas(schemas);
    }

    /** The schemas in a directory of {@code <ce_type>.schema.json} files; none if it does not exist. */
    public static EventSchemas fromDirectory(Path directory) {
        Map<String, JsonNode> schemas = new TreeMap<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                    schemas.put(typeOf(file.getFileName().toString()), JSON.readTree(file.toFile()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new EventSchemas(schemas);
    }

    public Set<String> types() {
        return schemas.keySet();
    }

    public Optional<JsonNode> schema(String type) {
        return Optional.ofNullable(schemas.get(type));
    }

    /** What is wrong with one event's data, checked strictly against its type's schema; empty if nothing is. */
    public List<String> problems(String type, String data) {
        if (type == null || !VERSIONED_TYPE.matcher(type).matches()) {
            return List.of("event type " + type + " does not end in a version (.v1)");
        }
        if (!schemas.containsKey(type)) {
            return List.of("no schema for event type " + type);
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(data == null ? "null" : data);
        } catch (IOException e) {
            return List.of("data is not JSON: " + e.getMessage());
        }
        JsonSchema schema = strict.computeIfAbsent(type, t -> FACTORY.getSchema(closed(schemas.get(t)), CONFIG));
        return schema.validate(instance).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** What is wrong with a schema as a JSON Schema draft-07 document; empty if nothing is. */
    static List<String> metaSchemaProblems(JsonNode schema) {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V7), CONFIG);
        List<String> problems = new ArrayList<>(meta.validate(schema).stream().map(ValidationMessage::getMessage).sorted().toList());
        try {
            FACTORY.getSchema(schema, CONFIG).validate(JSON.nullNode()); // resolves its $refs
        } catch (RuntimeException e) {
            problems.add("unusable: " + e.getMessage());
        }
        return problems;
    }

    /** A copy in which every object that lists its properties and says nothing of others allows no others. */
    static JsonNode closed(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        close(copy, false);
        return copy;
    }

    private static void close(JsonNode node, boolean inComposition) {
        if (node.isArray()) {
            node.forEach(element -> close(element, inComposition));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        if (!inComposition && object.has("properties") && !object.has("additionalProperties") && !object.has("allOf")
                && !object.has("anyOf") && !object.has("oneOf")) {
            object.put("additionalProperties", false);
        }
        object.fields().forEachRemaining(keyword -> {
            switch (keyword.getKey()) {
                case "properties", "definitions", "$defs", "patternProperties" ->
                        keyword.getValue().forEach(child -> close(child, false));
                case "items", "additionalProperties" -> close(keyword.getValue(), false);
                case "allOf", "anyOf", "oneOf" -> close(keyword.getValue(), true);
                default -> {
                }
            }
        });
    }

    static String typeOf(String fileName) {
        return fileName.substring(0, fileName.length() - SUFFIX.length());
    }
}
