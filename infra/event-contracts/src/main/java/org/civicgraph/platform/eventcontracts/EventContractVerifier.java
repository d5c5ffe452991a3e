package org.civicgraph.platform.eventcontracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build check of one service's event contract, run from a test in the service's module. It fails when:
 * <ul>
 *   <li>an event type the code emits (a {@code "org.civicgraph.<service>....vN"} literal in {@code src/main/java}) has no
 *       schema in {@code src/main/resources/events/schemas/}, or a schema is for a type the code does not emit;</li>
 *   <li>a schema is not a valid JSON Schema draft-07 object schema titled with its type;</li>
 *   <li>a type in the published baseline ({@code src/test/resources/events/baseline/}) has no schema any more, or its
 *       schema changed in a way that breaks consumers ({@link SchemaCompatibility}), or a schema has no baseline yet;</li>
 *   <li>the AsyncAPI document ({@code src/main/resources/asyncapi.yaml}) is not valid AsyncAPI 3.0.0, does not describe the
 *       service's topic, or does not have exactly one message per event type, naming the type in its
 *       {@code ce_type} header and taking its payload from the type's schema file.</li>
 * </ul>
 * Compatible changes (a new optional property, a new enum value) pass and are listed. Run the tests with
 * {@code -Dcivicgraph.events.update-baseline=true} to record the current schemas as the baseline where they are
 * compatible with it (and for new types); a breaking change is never recorded: publish a new type ({@code ...v2}).
 */
public final class EventContractVerifier {

    public static final String UPDATE_BASELINE = "civicgraph.events.update-baseline";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final YAMLMapper YAML = new YAMLMapper();
    /** The AsyncAPI 3.0.0 JSON Schema, from @asyncapi/specs (see its NOTICE beside it). */
    private static final JsonSchema ASYNCAPI_3_0 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of("classpath:org/civicgraph/platform/eventcontracts/asyncapi-3.0.0.schema.json"));
    private static final String PAYLOAD_FORMAT = "application/schema+json;version=draft-07";

    private final Path module;
    private final String service;
    private final String topic;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> problems = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    private EventContractVerifier(Path module, String service, String topic) {
        this.module = module;
        this.service = service;
        this.topic = topic;
    }

    /**
     * @param module  the service's module directory ({@code Path.of("")} from its own tests)
     * @param service the service's short name, as in its event types and topic: {@code plans} for
     *                {@code org.civicgraph.plans....v1} on {@code civicgraph.plans.v1}
     */
    public static EventContractVerifier of(Path module, String service) {
        return new EventContractVerifier(module, service, "civicgraph." + service + ".v1");
    }

    /** Runs every check; throws an {@link AssertionError} listing every problem found. Returns what it found compatible. */
    public List<String> verify() {
        Set<String> emitted = emittedTypes();
        EventSchemas current = EventSchemas.fromDirectory(schemaDirectory());
        EventSchemas baseline = EventSchemas.fromDirectory(baselineDirectory());
        if (emitted.isEmpty()) {
            problems.add("found no event types (\"org.civicgraph." + service + "....v1\") in " + module.resolve("src/main/java"));
        }
        checkSchemas(emitted, current);
        checkBaseline(current, baseline);
        checkAsyncApi(current);
        notices.forEach(notice -> System.out.println("[event contracts] " + service + ": " + notice));
        if (!problems.isEmpty()) {
            throw new AssertionError("The " + service + " event contract has " + problems.size() + " problem(s):\n  - "
                    + String.join("\n  - ", problems));
        }
        return List.copyOf(notices);
    }

    /**
     * Checks that the running service serves its contract to anyone, as the repository holds it: the AsyncAPI
     * document at {@code /asyncapi.yaml} and each schema at {@code /events/schemas/<ce_type>.schema.json}, with their
     * media types, and a 404 for a type it does not have. Throws an {@link AssertionError} listing every problem.
     */
    public void verifyServedAt(int port) {
        List<String> served = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try {
            HttpResponse<String> document = get(port, "/asyncapi.yaml");
            if (document.statusCode() != 200 || !document.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml")
                    || !document.body().equals(Files.readString(module.resolve("src/main/resources/asyncapi.yaml")))) {
                served.add("/asyncapi.yaml: HTTP " + document.statusCode() + ", " + document.headers().firstValue("Content-Type").orElse("no type")
                        + ", not the document in the repository");
            }
            try (Stream<Path> files = Files.list(schemaDirectory())) {
                for (Path file : files.toList()) {
                    HttpResponse<String> schema = get(port, "/events/schemas/" + file.getFileName());
                    if (schema.statusCode() != 200 || !schema.headers().firstValue("Content-Type").orElse("").startsWith("application/schema+json")
                            || !json.readTree(schema.body()).equals(json.readTree(file.toFile()))) {
                        served.add("/events/schemas/" + file.getFileName() + ": HTTP " + schema.statusCode() + ", not the schema in the repository");
                    }
                }
            }
            int unknown = get(port, "/events/schemas/org.civicgraph." + service + ".nothing.v1.schema.json").statusCode();
            if (unknown != 404) {
                served.add("an unknown event type's schema: HTTP " + unknown + " instead of 404");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!served.isEmpty()) {
            throw new AssertionError("The " + service + " service does not serve its event contract as it should:\n  - " + String.join("\n  - ", served));
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The versioned event types named in the service's main sources. */
    Set<String> emittedTypes() {
        Pattern literal = Pattern.compile("\"(org\\.civicgraph\\." + Pattern.quote(service) + "\\.[A-Za-z0-9.-]+)\"");
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (matcher.group(1).matches(".*\\.v[0-9]+")) {
                        types.add(matcher.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    private void checkSchemas(Set<String> emitted, EventSchemas current) {
        for (String type : emitted) {
            if (!EventSchemas.VERSIONED_TYPE.matcher(type).matches()) {
                problems.add(type + ": not a valid versioned event type (org.civicgraph.<service>.<entity>.<what-happened>.v<N>)");
            }
            if (current.schema(type).isEmpty()) {
                problems.add(type + ": the code emits it but it has no schema: add src/main/resources/"
                        + EventContractsController.SCHEMAS + type + EventSchemas.SUFFIX);
            }
        }
        for (String type : current.types()) {
            JsonNode schema = current.schema(type).orElseThrow();
            if (!emitted.contains(type)) {
                problems.add(type + ": has a schema but the code does not emit it");
            }
            if (!EventSchemas.DRAFT_07.equals(schema.path("$schema").asText())) {
                problems.add(type + ": $schema must be " + EventSchemas.DRAFT_07);
            }
            if (!type.equals(schema.path("title").asText())) {
                problems.add(type + ": title must be the event type");
            }
            if (!"object".equals(schema.path("type").asText())) {
                problems.add(type + ": the data must be an object (type: object)");
            }
            EventSchemas.metaSchemaProblems(schema).forEach(p -> problems.add(type + ": not a valid JSON Schema: " + p));
        }
    }

    private void checkBaseline(EventSchemas current, EventSchemas baseline) {
        boolean update = Boolean.getBoolean(UPDATE_BASELINE);
        for (String type : baseline.types()) {
            if (current.schema(type).isEmpty()) {
                problems.add(type + ": published (in the baseline) but has no schema any more; consumers may still "
                        + "expect it: keep it, or retire it deliberately by deleting its baseline");
            }
        }
        for (String type : current.types()) {
            JsonNode schema = current.schema(type).orElseThrow();
            if (baseline.schema(type).isEmpty()) {
                if (update) {
                    writeBaseline(type, schema);
                    notices.add(type + ": recorded in the baseline");
                } else {
                    problems.add(type + ": not in the published baseline yet: run the tests with -D" + UPDATE_BASELINE
                            + "=true (or copy its schema to src/test/resources/events/baseline/)");
                }
                continue;
            }
            List<SchemaCompatibility.Change> changes = SchemaCompatibility.compare(baseline.schema(type).orElseThrow(), schema);
            List<SchemaCompatibility.Change> breaking = changes.stream().filter(SchemaCompatibility.Change::breaking).toList();
            if (!breaking.isEmpty()) {
                breaking.forEach(change -> problems.add(type + " " + change + " -- breaks consumers; publish the new shape "
                        + "as a new event type (" + nextVersion(type) + ") instead"));
                continue;
            }
            changes.forEach(change -> notices.add(type + " " + change + " (compatible)"));
            if (update && !schema.equals(baseline.schema(type).orElseThrow())) {
                writeBaseline(type, schema);
                notices.add(type + ": baseline updated");
            }
        }
    }

    private void checkAsyncApi(EventSchemas current) {
        Path file = module.resolve("src/main/resources/" + EventContractsController.ASYNCAPI);
        if (!Files.exists(file)) {
            problems.add("no AsyncAPI document: add " + file);
            return;
        }
        JsonNode doc;
        try {
            doc = YAML.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(file + ": not YAML: " + e.getMessage());
            return;
        }
        if (!doc.path("asyncapi").asText().startsWith("3.")) {
            problems.add("asyncapi.yaml: must be AsyncAPI 3 (asyncapi: 3.0.0), is " + doc.path("asyncapi").asText("none"));
        } else {
            ASYNCAPI_3_0.validate(doc).forEach(message -> problems.add("asyncapi.yaml: not valid AsyncAPI 3.0.0: " + message.getMessage()));
        }
        String channelName = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> channel = it.next();
            if (topic.equals(channel.getValue().path("address").asText())) {
                channelName = channel.getKey();
            }
        }
        if (channelName == null) {
            problems.add("asyncapi.yaml: no channel with address " + topic);
            return;
        }
        boolean sends = false;
        for (JsonNode operation : doc.path("operations")) {
            if ("send".equals(operation.path("action").asText())
                    && ("#/channels/" + channelName).equals(operation.path("channel").path("$ref").asText())) {
                sends = true;
            }
        }
        if (!sends) {
            problems.add("asyncapi.yaml: no send operation on channel " + channelName);
        }
        Map<String, String> messageTypes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("channels").path(channelName).path("messages").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = "asyncapi.yaml: message " + entry.getKey();
            JsonNode message = resolve(doc, entry.getValue());
            if (message.isMissingNode()) {
                problems.add(where + ": $ref " + entry.getValue().path("$ref").asText() + " does not resolve");
                continue;
            }
            String type = headerType(doc, message.path("headers"));
            if (type == null) {
                problems.add(where + ": its headers must give ce_type as a const");
                continue;
            }
            if (messageTypes.containsValue(type)) {
                problems.add(where + ": a second message for " + type);
            }
            messageTypes.put(entry.getKey(), type);
            JsonNode payload = message.path("payload");
            String expected = EventContractsController.SCHEMAS + type + EventSchemas.SUFFIX;
            if (!PAYLOAD_FORMAT.equals(payload.path("schemaFormat").asText())
                    || !expected.equals(payload.path("schema").path("$ref").asText())) {
                problems.add(where + ": payload must be { schemaFormat: '" + PAYLOAD_FORMAT + "', schema: { $ref: '" + expected + "' } }");
            }
            if (current.schema(type).isEmpty()) {
                problems.add(where + ": describes " + type + ", which has no schema");
            }
        }
        for (String type : current.types()) {
            if (!messageTypes.containsValue(type)) {
                problems.add("asyncapi.yaml: no message on channel " + channelName + " for " + type);
            }
        }
    }

    /** The {@code ce_type} const of a message's headers schema, looking through {@code allOf} and {@code $ref}s. */
    private static String headerType(JsonNode doc, JsonNode headers) {
        JsonNode schema = resolve(doc, headers);
        JsonNode constant = schema.path("properties").path("ce_type").path("const");
        if (constant.isTextual()) {
            return constant.asText();
        }
        for (JsonNode member : schema.path("allOf")) {
            String type = headerType(doc, member);
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        for (int depth = 0; depth < 10 && node.has("$ref"); depth++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return node;
            }
            node = doc.at(ref.substring(1));
        }
        return node;
    }

    private Path baselineDirectory() {
        return module.resolve("src/test/resources/events/baseline");
    }

    /** Copies the schema file as it is, so that the baseline and the schema differ only where the schema changed. */
    private void writeBaseline(String type, JsonNode schema) {
        try {
            Files.createDirectories(baselineDirectory());
            Path file = schemaDirectory().resolve(type + EventSchemas.SUFFIX);
            Files.writeString(baselineDirectory().resolve(type + EventSchemas.SUFFIX),
                    Files.exists(file) ? Files.readString(file) : JSON.writeValueAsString(schema) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path schemaDirectory() {
        return module.resolve("src/main/resources/" + EventContractsController.SCHEMAS);
    }

    private static String nextVersion(String type) {
        Matcher version = Pattern.compile("\\.v([0-9]+)$").matcher(type);
        return version.find()
                ? type.substring(0, version.start()) + ".v" + (Integer.parseInt(version.group(1)) + 1)
                : type + ".v2";
    }
}
