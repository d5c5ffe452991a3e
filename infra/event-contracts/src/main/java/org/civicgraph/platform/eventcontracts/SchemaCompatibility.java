package org.civicgraph.platform.eventcontracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two versions of an event's data schema (JSON Schema draft-07, as the services write them) and lists the
 * changes that would break existing consumers.
 *
 * <p>The topic keeps old events and consumers keep running against the schema they were built with, so a schema may
 * change only where both still hold: every event written under the old schema must stay valid under the new one
 * (consumers replay the topic), and every new event must still read correctly for a consumer built against the old one.
 * Two relaxations keep evolution possible, because consumers are required to tolerate them: a new <em>optional</em>
 * property (consumers ignore properties they do not know) and a new enum value (consumers treat a value they do not
 * know as unknown). Everything else is breaking:
 * <ul>
 *   <li>a property removed, or an optional one made required, or a required one made optional;</li>
 *   <li>a new required property;</li>
 *   <li>a type changed, widened or narrowed (a property made nullable included);</li>
 *   <li>an enum value removed, an enum or const introduced, a const changed, a format changed;</li>
 *   <li>a bound tightened ({@code minimum}, {@code maxLength}, {@code pattern} ...);</li>
 *   <li>{@code additionalProperties} tightened (to {@code false} or to a schema), or a map's value schema loosened;</li>
 *   <li>a new property on an object that was closed ({@code additionalProperties: false});</li>
 *   <li>any other change to a keyword this check does not reason about ({@code anyOf}, {@code oneOf}, {@code not} ...).</li>
 * </ul>
 * Annotations ({@code title}, {@code description}, {@code examples} ...) may change freely. Local {@code $ref}s
 * ({@code #/definitions/...}) are followed and {@code allOf} members are merged before comparing.
 *
 * <p>Paths name the place in the event data: {@code /milestones/[]/status} is the status of any element of the
 * milestones array, {@code /changes/*&#47;old} the {@code old} of any entry of the changes map; {@code /} is the data
 * itself.
 */
public final class SchemaCompatibility {

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples", "default",
            "deprecated", "readOnly", "writeOnly", "$schema", "$id", "definitions", "$defs");
    private static final Set<String> HANDLED = Set.of("$ref", "allOf", "type", "enum", "const", "format", "properties",
            "required", "additionalProperties", "items", "minimum", "exclusiveMinimum", "minLength", "minItems",
            "minProperties", "maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "pattern",
            "uniqueItems", "multipleOf");
    private static final Set<String> LOWER_BOUNDS = Set.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
    private static final Set<String> UPPER_BOUNDS = Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
    private static final int MAX_DEPTH = 32;
    private static final List<String> ALL_TYPES = List.of("array", "boolean", "integer", "null", "number", "object", "string");

    private final JsonNode oldRoot;
    private final JsonNode newRoot;
    private final List<Change> changes = new ArrayList<>();

    private SchemaCompatibility(JsonNode oldRoot, JsonNode newRoot) {
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
    }

    /** A difference between two schemas at a place in the data; {@code breaking} if it would break consumers. */
    public record Change(String path, String description, boolean breaking) {
        @Override
        public String toString() {
            return path + ": " + description;
        }
    }

    /** Every difference that matters to consumers, breaking or not, in schema order. */
    public static List<Change> compare(JsonNode oldSchema, JsonNode newSchema) {
        SchemaCompatibility check = new SchemaCompatibility(oldSchema, newSchema);
        check.compare(oldSchema, newSchema, "");
        return List.copyOf(check.changes);
    }

    /** The changes that would break consumers of events written under {@code oldSchema}; empty if none would. */
    public static List<Change> breakingChanges(JsonNode oldSchema, JsonNode newSchema) {
        return compare(oldSchema, newSchema).stream().filter(Change::breaking).toList();
    }

    private void compare(JsonNode oldSchema, JsonNode newSchema, String path) {
        if (path.chars().filter(c -> c == '/').count() > MAX_DEPTH) {
            return; // a recursive definition: compared as deep as any event goes
        }
        JsonNode oldS = normalize(oldSchema, oldRoot);
        JsonNode newS = normalize(newSchema, newRoot);
        if (oldS.isBoolean() || newS.isBoolean()) {
            if (!oldS.equals(newS)) {
                breaking(path, "schema changed from " + oldS + " to " + newS);
            }
            return;
        }
        compareTypes(oldS, newS, path);
        compareEnums(oldS, newS, path);
        compareConst(oldS, newS, path);
        compareSame(oldS, newS, path, "format");
        compareBounds(oldS, newS, path);
        compareProperties(oldS, newS, path);
        compareItems(oldS, newS, path);
        compareOthers(oldS, newS, path);
    }

    private void compareTypes(JsonNode oldS, JsonNode newS, String path) {
        Set<String> oldTypes = types(oldS);
        Set<String> newTypes = types(newS);
        if (oldTypes.equals(newTypes)) {
            return;
        }
        Set<String> added = new TreeSet<>(newTypes);
        added.removeAll(oldTypes);
        Set<String> removed = new TreeSet<>(oldTypes);
        removed.removeAll(newTypes);
        if (added.equals(Set.of("null")) && removed.isEmpty()) {
            breaking(path, "became nullable (consumers built on the old schema do not expect null)");
        } else if (removed.equals(Set.of("null")) && added.isEmpty()) {
            breaking(path, "no longer nullable (events already published hold null)");
        } else {
            breaking(path, "type changed from " + describe(oldTypes) + " to " + describe(newTypes));
        }
    }

    private void compareEnums(JsonNode oldS, JsonNode newS, String path) {
        if (!newS.has("enum")) {
            if (oldS.has("enum")) {
                compatible(path, "enum removed: any value allowed");
            }
            return;
        }
        if (!oldS.has("enum")) {
            breaking(path, "enum introduced: only " + newS.get("enum") + " allowed");
            return;
        }
        List<JsonNode> oldValues = list(oldS.get("enum"));
        List<JsonNode> newValues = list(newS.get("enum"));
        List<String> removed = oldValues.stream().filter(v -> !newValues.contains(v)).map(JsonNode::toString).toList();
        List<String> added = newValues.stream().filter(v -> !oldValues.contains(v)).map(JsonNode::toString).toList();
        if (!removed.isEmpty()) {
            breaking(path, "enum value" + (removed.size() == 1 ? " " : "s ") + String.join(", ", removed) + " removed");
        }
        if (!added.isEmpty()) {
            compatible(path, "enum value" + (added.size() == 1 ? " " : "s ") + String.join(", ", added) + " added");
        }
    }

    private void compareConst(JsonNode oldS, JsonNode newS, String path) {
        if (newS.has("const") && !newS.get("const").equals(oldS.get("const"))) {
            breaking(path, oldS.has("const")
                    ? "const changed from " + oldS.get("const") + " to " + newS.get("const")
                    : "const introduced: only " + newS.get("const") + " allowed");
        } else if (oldS.has("const") && !newS.has("const")) {
            compatible(path, "const removed");
        }
    }

    private void compareSame(JsonNode oldS, JsonNode newS, String path, String keyword) {
        JsonNode oldValue = oldS.get(keyword);
        JsonNode newValue = newS.get(keyword);
        if (oldValue == null ? newValue != null : !oldValue.equals(newValue)) {
            breaking(path, keyword + " changed from " + (oldValue == null ? "none" : oldValue) + " to "
                    + (newValue == null ? "none" : newValue));
        }
    }

    private void compareBounds(JsonNode oldS, JsonNode newS, String path) {
        for (String keyword : LOWER_BOUNDS) {
            compareBound(oldS, newS, path, keyword, true);
        }
        for (String keyword : UPPER_BOUNDS) {
            compareBound(oldS, newS, path, keyword, false);
        }
        compareSame(oldS, newS, path, "pattern");
        compareSame(oldS, newS, path, "multipleOf");
        if (newS.path("uniqueItems").asBoolean(false) && !oldS.path("uniqueItems").asBoolean(false)) {
            breaking(path, "uniqueItems introduced");
        }
    }

    private void compareBound(JsonNode oldS, JsonNode newS, String path, String keyword, boolean lower) {
        JsonNode oldBound = oldS.get(keyword);
        JsonNode newBound = newS.get(keyword);
        if (newBound == null || !newBound.isNumber()) {
            return; // removed or absent: accepts more, which consumers of a bounded value survive
        }
        boolean tightened = oldBound == null || !oldBound.isNumber()
                || (lower ? newBound.decimalValue().compareTo(oldBound.decimalValue()) > 0
                          : newBound.decimalValue().compareTo(oldBound.decimalValue()) < 0);
        if (tightened) {
            breaking(path, keyword + " tightened from " + (oldBound == null ? "none" : oldBound) + " to " + newBound);
        }
    }

    private void compareProperties(JsonNode oldS, JsonNode newS, String path) {
        JsonNode oldProperties = oldS.path("properties");
        JsonNode newProperties = newS.path("properties");
        Set<String> oldRequired = strings(oldS.path("required"));
        Set<String> newRequired = strings(newS.path("required"));
        for (Iterator<Map.Entry<String, JsonNode>> it = oldProperties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            String at = path + "/" + name;
            if (!newProperties.has(name)) {
                breaking(at, "property removed");
                continue;
            }
            if (newRequired.contains(name) && !oldRequired.contains(name)) {
                breaking(at, "optional property became required (events already published may lack it)");
            } else if (oldRequired.contains(name) && !newRequired.contains(name)) {
                breaking(at, "required property became optional (consumers rely on it being present)");
            }
            compare(property.getValue(), newProperties.get(name), at);
        }
        for (String name : oldRequired) {
            if (!oldProperties.has(name) && !newRequired.contains(name)) {
                breaking(path + "/" + name, "required property became optional (consumers rely on it being present)");
            }
        }
        JsonNode oldAdditional = oldS.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = newProperties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            if (oldProperties.has(name)) {
                continue;
            }
            String at = path + "/" + name;
            if (newRequired.contains(name) && !oldRequired.contains(name)) {
                breaking(at, "new required property (events already published lack it)");
            } else if (oldAdditional != null && oldAdditional.isBoolean() && !oldAdditional.asBoolean()) {
                breaking(at, "new property on an object that did not allow any (additionalProperties was false)");
            } else if (oldAdditional != null && oldAdditional.isObject()) {
                compare(oldAdditional, property.getValue(), at); // it was an entry of a map with a value schema
            } else {
                compatible(at, "new optional property");
            }
        }
        for (String name : newRequired) {
            if (!newProperties.has(name) && !oldProperties.has(name) && !oldRequired.contains(name)) {
                breaking(path + "/" + name, "new required property (events already published lack it)");
            }
        }
        compareAdditionalProperties(oldAdditional, newS.get("additionalProperties"), path);
    }

    private void compareAdditionalProperties(JsonNode oldAdditional, JsonNode newAdditional, String path) {
        boolean oldOpen = oldAdditional == null || (oldAdditional.isBoolean() && oldAdditional.asBoolean());
        boolean newOpen = newAdditional == null || (newAdditional.isBoolean() && newAdditional.asBoolean());
        boolean oldClosed = oldAdditional != null && oldAdditional.isBoolean() && !oldAdditional.asBoolean();
        boolean newClosed = newAdditional != null && newAdditional.isBoolean() && !newAdditional.asBoolean();
        if (oldOpen && newOpen || oldClosed && newClosed) {
            return;
        }
        if (newClosed) {
            breaking(path, "additionalProperties tightened to false");
        } else if (oldOpen) {
            breaking(path, "additionalProperties tightened to a schema");
        } else if (newOpen) {
            if (oldClosed) {
                compatible(path, "additionalProperties opened");
            } else {
                breaking(path + "/*", "map values no longer constrained (consumers built on the old schema expect "
                        + oldAdditional + ")");
            }
        } else if (oldClosed) {
            compatible(path, "additionalProperties opened to a schema");
        } else {
            compare(oldAdditional, newAdditional, path + "/*");
        }
    }

    private void compareItems(JsonNode oldS, JsonNode newS, String path) {
        JsonNode oldItems = oldS.get("items");
        JsonNode newItems = newS.get("items");
        if (oldItems == null && newItems == null) {
            return;
        }
        if (oldItems == null) {
            breaking(path + "/[]", "items constrained where any were allowed");
        } else if (newItems == null) {
            breaking(path + "/[]", "items no longer constrained (consumers built on the old schema expect " + oldItems + ")");
        } else if (oldItems.isArray() || newItems.isArray()) {
            if (!oldItems.equals(newItems)) {
                breaking(path + "/[]", "tuple items changed");
            }
        } else {
            compare(oldItems, newItems, path + "/[]");
        }
    }

    private void compareOthers(JsonNode oldS, JsonNode newS, String path) {
        Set<String> keywords = new TreeSet<>();
        oldS.fieldNames().forEachRemaining(keywords::add);
        newS.fieldNames().forEachRemaining(keywords::add);
        for (String keyword : keywords) {
            if (ANNOTATIONS.contains(keyword) || HANDLED.contains(keyword) || keyword.startsWith("x-")) {
                continue;
            }
            JsonNode oldValue = oldS.get(keyword);
            JsonNode newValue = newS.get(keyword);
            if (oldValue == null || !oldValue.equals(newValue)) {
                breaking(path, keyword + " changed (a change this check cannot prove compatible)");
            }
        }
    }

    /** Follows local {@code $ref}s and merges {@code allOf} members into one schema. */
    private static JsonNode normalize(JsonNode schema, JsonNode root) {
        JsonNode resolved = resolve(schema, root, 0);
        if (!resolved.isObject() || !resolved.has("allOf")) {
            return resolved;
        }
        ObjectNode merged = ((ObjectNode) resolved).deepCopy();
        merged.remove("allOf");
        for (JsonNode member : resolved.get("allOf")) {
            JsonNode part = normalize(member, root);
            if (!part.isObject()) {
                merged.set("allOf", resolved.get("allOf")); // boolean members: leave them to compareOthers
                return merged;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> keyword = it.next();
                switch (keyword.getKey()) {
                    case "properties" -> {
                        ObjectNode properties = merged.has("properties") ? (ObjectNode) merged.get("properties")
                                : merged.putObject("properties");
                        keyword.getValue().fields().forEachRemaining(p -> {
                            if (!properties.has(p.getKey())) {
                                properties.set(p.getKey(), p.getValue());
                            }
                        });
                    }
                    case "required" -> {
                        Set<String> required = strings(merged.path("required"));
                        required.addAll(strings(keyword.getValue()));
                        merged.set("required", JsonNodeFactory.instance.arrayNode().addAll(
                                required.stream().map(JsonNodeFactory.instance::textNode).toList()));
                    }
                    default -> {
                        if (!merged.has(keyword.getKey())) {
                            merged.set(keyword.getKey(), keyword.getValue());
                        }
                    }
                }
            }
        }
        return merged;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode root, int depth) {
        if (!schema.isObject() || !schema.has("$ref") || depth > 20) {
            return schema;
        }
        String ref = schema.get("$ref").asText();
        if (!ref.startsWith("#")) {
            return schema; // not local: compared as written
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("Unresolvable $ref " + ref);
        }
        return resolve(target, root, depth + 1);
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return new TreeSet<>(ALL_TYPES);
        }
        Set<String> types = new TreeSet<>(type.isArray() ? strings(type) : Set.of(type.asText()));
        return types;
    }

    private static String describe(Set<String> types) {
        return types.size() == ALL_TYPES.size() ? "any" : types.size() == 1 ? types.iterator().next() : types.toString();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> values = new ArrayList<>();
        array.forEach(values::add);
        return values;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private void breaking(String path, String description) {
        changes.add(new Change(path.isEmpty() ? "/" : path, description, true));
    }

    private void compatible(String path, String description) {
        changes.add(new Change(path.isEmpty() ? "/" : path, description, false));
    }
}
