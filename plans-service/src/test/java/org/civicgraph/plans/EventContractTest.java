package org.civicgraph.plans;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.eventcontracts.EventContractVerifier;
import org.civicgraph.platform.eventcontracts.EventSchemas;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's event contract: every event type the code emits has a JSON Schema that is compatible with the published
 * baseline and a message in the AsyncAPI document, and both are served to anyone. (Every event the other tests publish
 * is checked against its schema as well, after each test class: {@code PublishedEventsCheck}.)
 */
@PlatformIntegrationTest
class EventContractTest {

    @LocalServerPort
    int port;

    @Test
    void everyEventTypeHasASchemaCompatibleWithItsPublishedBaselineAndAMessageInTheAsyncApiDocument() {
        EventContractVerifier.of(Path.of(""), "plans").verify();
    }

    @Test
    void theAsyncApiDocumentAndEverySchemaAreServedWithoutAToken() {
        EventContractVerifier.of(Path.of(""), "plans").verifyServedAt(port);
    }

    /** The one event type no other test produces, produced here and checked against its schema. */
    @Test
    void anAddedMilestonesEventMatchesItsSchema() {
        PlansApi api = new PlansApi(port);
        String plan = api.createPlan("north-kesteven-dc", false);
        String activity = api.createActivity("north-kesteven-dc", plan, "A1", "people-2");
        GraphQlHttp.Response added = api.as("north-kesteven-dc", "editor").post(
                "mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { activity { id } } }",
                Map.of("input", Map.of("activityId", activity, "text", "Jobs fair held", "dueDate", "2025-07-31")));
        assertThat(added.hasErrors()).as(added.body()).isFalse();

        String type = "org.civicgraph.plans.milestone.added.v1";
        try (TopicReader topic = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), PlansApi.TOPIC)) {
            ConsumerRecord<String, byte[]> event = topic.readUntil(record -> type.equals(TopicReader.header(record, "ce_type"))
                    && activity.equals(record.key()), Duration.ofSeconds(30)).stream()
                    .filter(record -> type.equals(TopicReader.header(record, "ce_type")) && activity.equals(record.key()))
                    .findFirst().orElseThrow();
            String data = new String(event.value(), StandardCharsets.UTF_8);
            assertThat(EventSchemas.fromClasspath().problems(type, data)).as(data).isEmpty();
        }
    }
}
