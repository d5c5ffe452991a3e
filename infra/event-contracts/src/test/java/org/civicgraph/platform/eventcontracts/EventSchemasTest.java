package org.civicgraph.platform.eventcontracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTest {

    private static final String TYPE = "org.civicgraph.sample.thing.created.v1";
    private final EventSchemas schemas = EventSchemas.fromClasspath();

    @Test
    void findsTheSchemasOnTheClasspathByType() {
        assertThat(schemas.types()).containsExactly(TYPE);
    }

    @Test
    void dataThatMatchesItsSchemaHasNoProblems() {
        assertThat(schemas.problems(TYPE, "{\"id\":\"a\",\"createdAt\":\"2024-05-01T10:15:30.123Z\",\"note\":null,\"tags\":[{\"key\":\"k\"}]}"))
                .isEmpty();
    }

    @Test
    void aMissingRequiredPropertyAWrongTypeOrABadFormatIsAProblem() {
        assertThat(schemas.problems(TYPE, "{\"createdAt\":\"2024-05-01T10:15:30Z\"}")).singleElement().asString().contains("id");
        assertThat(schemas.problems(TYPE, "{\"id\":1,\"createdAt\":\"2024-05-01T10:15:30Z\"}")).singleElement().asString().contains("integer");
        assertThat(schemas.problems(TYPE, "{\"id\":\"a\",\"createdAt\":\"yesterday\"}")).singleElement().asString().contains("date-time");
    }

    @Test
    void aPropertyTheSchemaDoesNotDeclareIsAProblemAtAnyDepth() {
        assertThat(schemas.problems(TYPE, "{\"id\":\"a\",\"createdAt\":\"2024-05-01T10:15:30Z\",\"secret\":\"x\"}"))
                .singleElement().asString().contains("secret");
        assertThat(schemas.problems(TYPE, "{\"id\":\"a\",\"createdAt\":\"2024-05-01T10:15:30Z\",\"tags\":[{\"key\":\"k\",\"value\":1}]}"))
                .singleElement().asString().contains("value");
    }

    @Test
    void thePublishedSchemaItselfStaysOpenForAdditions() throws Exception {
        assertThat(schemas.schema(TYPE).orElseThrow().has("additionalProperties")).isFalse();
        assertThat(EventSchemas.closed(schemas.schema(TYPE).orElseThrow()).path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(EventSchemas.metaSchemaProblems(schemas.schema(TYPE).orElseThrow())).isEmpty();
        assertThat(EventSchemas.metaSchemaProblems(new ObjectMapper().readTree("{\"type\": \"thing\"}"))).isNotEmpty();
    }

    @Test
    void anUnversionedOrUnknownTypeIsAProblem() {
        assertThat(schemas.problems("org.civicgraph.sample.thing.created", "{}")).singleElement().asString().contains("version");
        assertThat(schemas.problems("org.civicgraph.sample.thing.deleted.v1", "{}")).singleElement().asString().contains("no schema");
    }
}
