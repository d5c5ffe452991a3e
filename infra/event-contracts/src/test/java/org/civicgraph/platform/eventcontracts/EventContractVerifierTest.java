package org.civicgraph.platform.eventcontracts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The build check on a small service module of its own: a source file, a schema, a baseline and an AsyncAPI document. */
class EventContractVerifierTest {

    private static final String CREATED = "org.civicgraph.sample.thing.created.v1";
    private static final String SCHEMA = """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "org.civicgraph.sample.thing.created.v1",
              "type": "object",
              "required": ["id", "status"],
              "properties": {
                "id": { "type": "string" },
                "status": { "type": "string", "enum": ["OPEN", "CLOSED"] },
                "note": { "type": ["string", "null"] }
              }
            }
            """;
    private static final String ASYNCAPI = """
            asyncapi: 3.0.0
            info: { title: sample-service events, version: 1.0.0 }
            channels:
              sample:
                address: civicgraph.sample.v1
                messages:
                  thingCreated: { $ref: '#/components/messages/thingCreated' }
            operations:
              publishSampleEvents:
                action: send
                channel: { $ref: '#/channels/sample' }
            components:
              messages:
                thingCreated:
                  headers:
                    allOf:
                      - $ref: '#/components/schemas/cloudEventHeaders'
                      - properties: { ce_type: { const: org.civicgraph.sample.thing.created.v1 } }
                  payload:
                    schemaFormat: application/schema+json;version=draft-07
                    schema: { $ref: 'events/schemas/org.civicgraph.sample.thing.created.v1.schema.json' }
              schemas:
                cloudEventHeaders: { type: object, properties: { ce_id: { type: string } } }
            """;

    @TempDir
    Path module;

    @BeforeEach
    void aServiceWhoseContractIsInOrder() throws IOException {
        write("src/main/java/org/civicgraph/sample/Thing.java", """
                class Thing {
                    static final String CREATED = "org.civicgraph.sample.thing.created.v1";
                    static final String LOGGER = "org.civicgraph.sample.things";
                    static final String CONSUMED = "org.civicgraph.other.thing.created.v1";
                }
                """);
        write("src/main/resources/events/schemas/" + CREATED + ".schema.json", SCHEMA);
        write("src/test/resources/events/baseline/" + CREATED + ".schema.json", SCHEMA);
        write("src/main/resources/asyncapi.yaml", ASYNCAPI);
    }

    @Test
    void passesWhenEveryTypeHasACompatibleSchemaAndAMessage() {
        assertThat(verifier().emittedTypes()).containsExactly(CREATED);
        assertThat(verifier().verify()).isEmpty();
    }

    @Test
    void passesAndListsAnAdditiveChange() throws IOException {
        write("src/main/resources/events/schemas/" + CREATED + ".schema.json",
                SCHEMA.replace("\"note\":", "\"region\": { \"type\": \"string\" }, \"note\":").replace("\"CLOSED\"]", "\"CLOSED\", \"MERGED\"]"));
        assertThat(verifier().verify()).containsExactly(
                CREATED + " /status: enum value \"MERGED\" added (compatible)",
                CREATED + " /region: new optional property (compatible)");
    }

    @Test
    void failsOnABreakingChangeAndNamesTheNextVersion() throws IOException {
        write("src/main/resources/events/schemas/" + CREATED + ".schema.json",
                SCHEMA.replace("\"note\": { \"type\": [\"string\", \"null\"] }", "\"note\": { \"type\": \"string\" }")
                        .replace("[\"id\", \"status\"]", "[\"id\", \"status\", \"note\"]"));
        assertThatThrownBy(() -> verifier().verify()).isInstanceOf(AssertionError.class)
                .hasMessageContaining(CREATED + " /note: optional property became required")
                .hasMessageContaining(CREATED + " /note: no longer nullable")
                .hasMessageContaining("org.civicgraph.sample.thing.created.v2");
    }

    @Test
    void failsWhenTheCodeEmitsATypeWithoutASchema() throws IOException {
        write("src/main/java/org/civicgraph/sample/Other.java", "class Other { String t = \"org.civicgraph.sample.thing.closed.v1\"; }");
        assertThatThrownBy(() -> verifier().verify())
                .hasMessageContaining("org.civicgraph.sample.thing.closed.v1: the code emits it but it has no schema");
    }

    @Test
    void failsWhenASchemaOrAPublishedTypeIsNoLongerEmitted() throws IOException {
        write("src/main/java/org/civicgraph/sample/Thing.java", "class Thing { }");
        assertThatThrownBy(() -> verifier().verify())
                .hasMessageContaining(CREATED + ": has a schema but the code does not emit it");
        Files.delete(module.resolve("src/main/resources/events/schemas/" + CREATED + ".schema.json"));
        assertThatThrownBy(() -> verifier().verify())
                .hasMessageContaining(CREATED + ": published (in the baseline) but has no schema any more");
    }

    @Test
    void failsForANewTypeUntilItsBaselineIsRecorded() throws IOException {
        Files.delete(module.resolve("src/test/resources/events/baseline/" + CREATED + ".schema.json"));
        assertThatThrownBy(() -> verifier().verify()).hasMessageContaining(CREATED + ": not in the published baseline yet");
        System.setProperty(EventContractVerifier.UPDATE_BASELINE, "true");
        try {
            assertThat(verifier().verify()).containsExactly(CREATED + ": recorded in the baseline");
        } finally {
            System.clearProperty(EventContractVerifier.UPDATE_BASELINE);
        }
        assertThat(verifier().verify()).isEmpty();
    }

    @Test
    void neverRecordsABreakingChangeInTheBaseline() throws IOException {
        write("src/main/resources/events/schemas/" + CREATED + ".schema.json", SCHEMA.replace("\"OPEN\", ", ""));
        System.setProperty(EventContractVerifier.UPDATE_BASELINE, "true");
        try {
            assertThatThrownBy(() -> verifier().verify()).hasMessageContaining("/status: enum value \"OPEN\" removed");
        } finally {
            System.clearProperty(EventContractVerifier.UPDATE_BASELINE);
        }
        assertThat(Files.readString(module.resolve("src/test/resources/events/baseline/" + CREATED + ".schema.json"))).isEqualTo(SCHEMA);
    }

    @Test
    void failsOnASchemaThatIsNotAValidDraft07ObjectSchemaTitledWithItsType() throws IOException {
        String bad = SCHEMA.replace("\"title\": \"" + CREATED + "\"", "\"title\": \"Thing created\"")
                .replace("\"type\": \"string\", \"enum\"", "\"type\": \"text\", \"enum\"");
        write("src/main/resources/events/schemas/" + CREATED + ".schema.json", bad);
        write("src/test/resources/events/baseline/" + CREATED + ".schema.json", bad);
        assertThatThrownBy(() -> verifier().verify())
                .hasMessageContaining(CREATED + ": title must be the event type")
                .hasMessageContaining(CREATED + ": not a valid JSON Schema");
    }

    @Test
    void failsWhenTheAsyncApiDocumentMissesATypeOrTheTopicOrIsNotVersion3() throws IOException {
        write("src/main/resources/asyncapi.yaml", ASYNCAPI.replace("ce_type: { const: org.civicgraph.sample.thing.created.v1 }", "ce_id: { type: string }"));
        assertThatThrownBy(() -> verifier().verify())
                .hasMessageContaining("message thingCreated: its headers must give ce_type as a const")
                .hasMessageContaining("no message on channel sample for " + CREATED);
        write("src/main/resources/asyncapi.yaml", ASYNCAPI.replace("address: civicgraph.sample.v1", "address: civicgraph.samples"));
        assertThatThrownBy(() -> verifier().verify()).hasMessageContaining("no channel with address civicgraph.sample.v1");
        write("src/main/resources/asyncapi.yaml", ASYNCAPI.replace("asyncapi: 3.0.0", "asyncapi: 2.6.0")
                .replace("schema: { $ref: 'events/schemas/", "schema: { $ref: 'schemas/"));
        assertThatThrownBy(() -> verifier().verify())
                .hasMessageContaining("must be AsyncAPI 3")
                .hasMessageContaining("message thingCreated: payload must be");
    }

    @Test
    void failsOnAnAsyncApiDocumentThatIsNotValidAsyncApi300() throws IOException {
        write("src/main/resources/asyncapi.yaml", ASYNCAPI.replace("    action: send", "    action: publish"));
        assertThatThrownBy(() -> verifier().verify())
                .hasMessageContaining("asyncapi.yaml: not valid AsyncAPI 3.0.0")
                .hasMessageContaining("no send operation on channel sample");
    }

    private EventContractVerifier verifier() {
        return EventContractVerifier.of(module, "sample");
    }

    private void write(String path, String text) throws IOException {
        Path file = module.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
