package org.civicgraph.platform.eventcontracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A schema like the services' own: an organisation event with a nested object, an array and a changes map. */
    private static final String BASE = """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "org.civicgraph.partners.organisation.example.v1",
              "type": "object",
              "required": ["id", "status", "changes"],
              "properties": {
                "id": { "type": "string", "description": "The organisation" },
                "website": { "type": ["string", "null"], "format": "uri" },
                "status": { "type": "string", "enum": ["ACTIVE", "CLOSED"] },
                "name": { "type": "string", "maxLength": 200 },
                "relationship": {
                  "type": "object",
                  "required": ["kind"],
                  "properties": { "kind": { "type": "string" }, "since": { "type": ["string", "null"], "format": "date" } }
                },
                "milestones": { "type": "array", "items": { "$ref": "#/definitions/milestone" } },
                "changes": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "object",
                    "properties": { "old": { "type": ["string", "null"] }, "new": { "type": ["string", "null"] } }
                  }
                }
              },
              "definitions": {
                "milestone": {
                  "type": "object",
                  "required": ["id"],
                  "properties": { "id": { "type": "string" }, "status": { "type": "string", "enum": ["SCHEDULED", "MET"] } }
                }
              }
            }
            """;

    @Test
    void anUnchangedSchemaHasNoChanges() {
        assertThat(SchemaCompatibility.compare(json(BASE), json(BASE))).isEmpty();
    }

    @Test
    void descriptionsTitlesAndExamplesMayChangeFreely() {
        String changed = BASE.replace("\"The organisation\"", "\"The organisation's slug\", \"examples\": [\"boston-bc\"]")
                .replace("organisation.example.v1", "organisation.example.v1 (renamed title)");
        assertThat(SchemaCompatibility.compare(json(BASE), json(changed))).isEmpty();
    }

    @Test
    void anOptionalPropertyMayBeAdded() {
        String changed = BASE.replace("\"id\": { \"type\": \"string\", \"description\": \"The organisation\" },",
                "\"id\": { \"type\": \"string\", \"description\": \"The organisation\" }, \"region\": { \"type\": \"string\" },");
        assertThat(SchemaCompatibility.breakingChanges(json(BASE), json(changed))).isEmpty();
        assertThat(SchemaCompatibility.compare(json(BASE), json(changed)))
                .containsExactly(new SchemaCompatibility.Change("/region", "new optional property", false));
    }

    @Test
    void anOptionalPropertyMayBeAddedToANestedObjectAndToArrayElementsThroughARef() {
        String changed = BASE.replace("\"since\": {", "\"note\": { \"type\": \"string\" }, \"since\": {")
                .replace("\"status\": { \"type\": \"string\", \"enum\": [\"SCHEDULED\", \"MET\"] }",
                        "\"status\": { \"type\": \"string\", \"enum\": [\"SCHEDULED\", \"MET\"] }, \"dueDate\": { \"type\": \"string\" }");
        assertThat(SchemaCompatibility.breakingChanges(json(BASE), json(changed))).isEmpty();
        assertThat(SchemaCompatibility.compare(json(BASE), json(changed))).extracting(SchemaCompatibility.Change::path)
                .containsExactly("/relationship/note", "/milestones/[]/dueDate");
    }

    @Test
    void aNewRequiredPropertyBreaks() {
        String changed = BASE.replace("\"required\": [\"id\", \"status\", \"changes\"]", "\"required\": [\"id\", \"status\", \"changes\", \"region\"]")
                .replace("\"status\": { \"type\": \"string\", \"enum\": [\"ACTIVE\", \"CLOSED\"] },",
                        "\"status\": { \"type\": \"string\", \"enum\": [\"ACTIVE\", \"CLOSED\"] }, \"region\": { \"type\": \"string\" },");
        assertBreaks(changed, "/region: new required property (events already published lack it)");
    }

    @Test
    void removingAPropertyBreaksWhetherItWasRequiredOrNot() {
        String withoutWebsite = BASE.replace("\"website\": { \"type\": [\"string\", \"null\"], \"format\": \"uri\" },", "");
        assertBreaks(withoutWebsite, "/website: property removed");
        String withoutStatus = BASE.replace("\"status\": { \"type\": \"string\", \"enum\": [\"ACTIVE\", \"CLOSED\"] },", "")
                .replace("[\"id\", \"status\", \"changes\"]", "[\"id\", \"changes\"]");
        assertThat(SchemaCompatibility.breakingChanges(json(BASE), json(withoutStatus))).extracting(Object::toString)
                .contains("/status: property removed");
    }

    @Test
    void removingANestedPropertyBreaksAtItsPath() {
        String changed = BASE.replace(", \"since\": { \"type\": [\"string\", \"null\"], \"format\": \"date\" }", "");
        assertBreaks(changed, "/relationship/since: property removed");
    }

    @Test
    void retypingAPropertyBreaks() {
        String changed = BASE.replace("\"name\": { \"type\": \"string\", \"maxLength\": 200 }", "\"name\": { \"type\": \"integer\" }");
        assertBreaks(changed, "/name: type changed from string to integer");
    }

    @Test
    void retypingAnArrayElementsPropertyThroughADefinitionBreaksAtItsPath() {
        String changed = BASE.replace("\"id\": { \"type\": \"string\" }, \"status\"", "\"id\": { \"type\": \"integer\" }, \"status\"");
        assertBreaks(changed, "/milestones/[]/id: type changed from string to integer");
    }

    @Test
    void retypingAMapsValuesBreaks() {
        String changed = BASE.replace("\"old\": { \"type\": [\"string\", \"null\"] }", "\"old\": { \"type\": [\"object\", \"null\"] }");
        assertBreaks(changed, "/changes/*/old: type changed from [null, string] to [null, object]");
    }

    @Test
    void makingAPropertyNullableOrNotNullableBreaks() {
        String nullable = BASE.replace("\"name\": { \"type\": \"string\", \"maxLength\": 200 }",
                "\"name\": { \"type\": [\"string\", \"null\"], \"maxLength\": 200 }");
        assertBreaks(nullable, "/name: became nullable (consumers built on the old schema do not expect null)");
        String notNullable = BASE.replace("\"website\": { \"type\": [\"string\", \"null\"], \"format\": \"uri\" }",
                "\"website\": { \"type\": \"string\", \"format\": \"uri\" }");
        assertBreaks(notNullable, "/website: no longer nullable (events already published hold null)");
    }

    @Test
    void makingAnOptionalPropertyRequiredBreaks() {
        String changed = BASE.replace("[\"id\", \"status\", \"changes\"]", "[\"id\", \"status\", \"changes\", \"website\"]");
        assertBreaks(changed, "/website: optional property became required (events already published may lack it)");
        String nested = BASE.replace("\"required\": [\"kind\"]", "\"required\": [\"kind\", \"since\"]");
        assertBreaks(nested, "/relationship/since: optional property became required (events already published may lack it)");
    }

    @Test
    void makingARequiredPropertyOptionalBreaks() {
        String changed = BASE.replace("[\"id\", \"status\", \"changes\"]", "[\"id\", \"changes\"]");
        assertBreaks(changed, "/status: required property became optional (consumers rely on it being present)");
    }

    @Test
    void narrowingAnEnumBreaksAndWideningItDoesNot() {
        String narrowed = BASE.replace("[\"SCHEDULED\", \"MET\"]", "[\"SCHEDULED\"]");
        assertBreaks(narrowed, "/milestones/[]/status: enum value \"MET\" removed");
        String widened = BASE.replace("[\"ACTIVE\", \"CLOSED\"]", "[\"ACTIVE\", \"CLOSED\", \"MERGED\"]");
        assertThat(SchemaCompatibility.breakingChanges(json(BASE), json(widened))).isEmpty();
        assertThat(SchemaCompatibility.compare(json(BASE), json(widened)))
                .containsExactly(new SchemaCompatibility.Change("/status", "enum value \"MERGED\" added", false));
    }

    @Test
    void introducingAnEnumOrAConstBreaks() {
        String changed = BASE.replace("\"kind\": { \"type\": \"string\" }", "\"kind\": { \"type\": \"string\", \"enum\": [\"PART_OF\"] }");
        assertBreaks(changed, "/relationship/kind: enum introduced: only [\"PART_OF\"] allowed");
        String constant = BASE.replace("\"kind\": { \"type\": \"string\" }", "\"kind\": { \"type\": \"string\", \"const\": \"PART_OF\" }");
        assertBreaks(constant, "/relationship/kind: const introduced: only \"PART_OF\" allowed");
    }

    @Test
    void changingAFormatBreaks() {
        String changed = BASE.replace("\"format\": \"date\"", "\"format\": \"date-time\"");
        assertBreaks(changed, "/relationship/since: format changed from \"date\" to \"date-time\"");
    }

    @Test
    void tighteningABoundBreaksAndLooseningItDoesNot() {
        assertBreaks(BASE.replace("\"maxLength\": 200", "\"maxLength\": 100"), "/name: maxLength tightened from 200 to 100");
        assertThat(SchemaCompatibility.breakingChanges(json(BASE), json(BASE.replace("\"maxLength\": 200", "\"maxLength\": 400")))).isEmpty();
        assertBreaks(BASE.replace("\"maxLength\": 200", "\"maxLength\": 200, \"pattern\": \"^[A-Z]\""),
                "/name: pattern changed from none to \"^[A-Z]\"");
    }

    @Test
    void tighteningAdditionalPropertiesBreaks() {
        String closed = BASE.replace("\"required\": [\"kind\"]", "\"required\": [\"kind\"], \"additionalProperties\": false");
        assertBreaks(closed, "/relationship: additionalProperties tightened to false");
        String restricted = BASE.replace("\"required\": [\"kind\"]", "\"required\": [\"kind\"], \"additionalProperties\": { \"type\": \"string\" }");
        assertBreaks(restricted, "/relationship: additionalProperties tightened to a schema");
    }

    @Test
    void aNewPropertyOnAClosedObjectBreaksButOpeningItDoesNot() {
        String closed = BASE.replace("\"required\": [\"kind\"]", "\"required\": [\"kind\"], \"additionalProperties\": false");
        String closedWithMore = closed.replace("\"kind\": { \"type\": \"string\" }", "\"kind\": { \"type\": \"string\" }, \"note\": { \"type\": \"string\" }");
        assertThat(SchemaCompatibility.breakingChanges(json(closed), json(closedWithMore))).extracting(Object::toString)
                .containsExactly("/relationship/note: new property on an object that did not allow any (additionalProperties was false)");
        assertThat(SchemaCompatibility.breakingChanges(json(closed), json(BASE))).isEmpty();
    }

    @Test
    void looseningAMapsValuesBreaks() {
        String changed = BASE.replace("""
                "additionalProperties": {
                        "type": "object",
                        "properties": { "old": { "type": ["string", "null"] }, "new": { "type": ["string", "null"] } }
                      }""", "\"additionalProperties\": true");
        assertThat(changed).isNotEqualTo(BASE);
        assertThat(SchemaCompatibility.breakingChanges(json(BASE), json(changed))).extracting(SchemaCompatibility.Change::path)
                .containsExactly("/changes/*");
    }

    @Test
    void allOfMembersAreComparedAsOneSchema() {
        String old = """
                { "allOf": [ { "$ref": "#/definitions/fieldChanges" },
                             { "type": "object", "properties": { "name": { "type": "string" } } } ],
                  "definitions": { "fieldChanges": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" } } } } }
                """;
        String flattened = """
                { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "name": { "type": "string" } } }
                """;
        assertThat(SchemaCompatibility.compare(json(old), json(flattened))).isEmpty();
        assertThat(SchemaCompatibility.breakingChanges(json(old), json(flattened.replace(", \"name\": { \"type\": \"string\" }", ""))))
                .extracting(Object::toString).containsExactly("/name: property removed");
    }

    @Test
    void changesToKeywordsTheCheckDoesNotReasonAboutBreak() {
        String old = "{ \"type\": \"object\", \"properties\": { \"v\": { \"oneOf\": [ { \"type\": \"string\" }, { \"type\": \"integer\" } ] } } }";
        String changed = "{ \"type\": \"object\", \"properties\": { \"v\": { \"oneOf\": [ { \"type\": \"string\" } ] } } }";
        assertThat(SchemaCompatibility.breakingChanges(json(old), json(changed))).extracting(Object::toString)
                .containsExactly("/v: oneOf changed (a change this check cannot prove compatible)");
        assertThat(SchemaCompatibility.breakingChanges(json(old), json(old))).isEmpty();
    }

    @Test
    void everyBreakingChangeIsListedNotJustTheFirst() {
        String changed = BASE.replace("\"name\": { \"type\": \"string\", \"maxLength\": 200 }", "\"name\": { \"type\": \"integer\" }")
                .replace("[\"SCHEDULED\", \"MET\"]", "[\"SCHEDULED\"]")
                .replace("\"website\": { \"type\": [\"string\", \"null\"], \"format\": \"uri\" },", "");
        assertThat(SchemaCompatibility.breakingChanges(json(BASE), json(changed))).extracting(SchemaCompatibility.Change::path)
                .containsExactlyInAnyOrder("/website", "/name", "/milestones/[]/status");
    }

    private static void assertBreaks(String changed, String expected) {
        List<SchemaCompatibility.Change> breaking = SchemaCompatibility.breakingChanges(json(BASE), json(changed));
        assertThat(breaking).extracting(Object::toString).containsExactly(expected);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
