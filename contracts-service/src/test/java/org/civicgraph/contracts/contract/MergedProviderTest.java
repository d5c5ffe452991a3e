package org.civicgraph.contracts.contract;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.cloudevents.EventJson;
import org.civicgraph.platform.events.FieldChanges;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.awaitProcessed;

/**
 * The partner directory merges an organisation and says so on civicgraph.partners.v1, as partners-service does: contracts
 * whose provider was matched to the merged organisation are matched to the survivor, each with an event of its own, and
 * a repeated delivery of the same event changes nothing. Organisation ids are the test's own, so that the other test
 * contexts of this JVM, which follow the same topic in their own databases, have nothing to change.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class MergedProviderTest {

    private static final String PARTNERS_TOPIC = "civicgraph.partners.v1";

    @LocalServerPort
    int port;
    @Autowired
    Contracts contracts;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aMergedProviderIsFollowedToTheSurvivorOnceHoweverOftenTheEventArrives() throws Exception {
        GraphQlHttp editor = GraphQlHttp.onPort(port).as("lincolnshire-cc", "editor");
        register(editor, "test-merge-advocacy", "Advocacy Partners (old trading name)", List.of("test-merge-duplicate"));
        register(editor, "test-merge-both", "Advocacy Partners / Advocacy Partners Ltd", List.of("test-merge-survivor", "test-merge-duplicate"));
        Contract before = settled("test-merge-advocacy");

        CloudEvent merged = merged("test-merge-duplicate", "test-merge-survivor", "Advocacy Partners Ltd");
        kafka.send(merged.toRecord(PARTNERS_TOPIC)).get();

        Contract after = awaitProviders("test-merge-advocacy", List.of("test-merge-survivor"));
        assertThat(after.getProvider()).as("the name as written stays").isEqualTo("Advocacy Partners (old trading name)");
        assertThat(after.getProviderResolution()).isEqualTo(ProviderResolution.RESOLVED);
        assertThat(after.getRevision()).isEqualTo(before.getRevision() + 1);
        assertThat(awaitProviders("test-merge-both", List.of("test-merge-survivor"))).as("named once").isNotNull();

        ConsumerRecord<String, byte[]> event = published("test-merge-advocacy", Contract.PROVIDER_ORGANISATIONS_CHANGED);
        assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("contracts/test-merge-advocacy");
        DocumentContext data = JsonPath.parse(new String(event.value(), StandardCharsets.UTF_8));
        assertThat(data.<String>read("$.changes.providerOrganisationIds.old")).isEqualTo("[test-merge-duplicate]");
        assertThat(data.<String>read("$.changes.providerOrganisationIds.new")).isEqualTo("[test-merge-survivor]");
        assertThat(data.<String>read("$.provider")).isEqualTo("Advocacy Partners (old trading name)");
        assertThat(data.<String>read("$.changedBy")).isEqualTo("partner-directory");
        assertThat(data.<String>read("$.because.event")).isEqualTo(merged.id());
        assertThat(data.<String>read("$.because.mergedBy")).isEqualTo("test-user@partners-admin");
        assertThat(contractIds(editor, "test-merge-survivor")).containsExactlyInAnyOrder("test-merge-advocacy", "test-merge-both");
        assertThat(contractIds(editor, "test-merge-duplicate")).isEmpty();

        Contract settledAfter = settled("test-merge-advocacy");
        kafka.send(merged.toRecord(PARTNERS_TOPIC)).get();
        // The directory repeats an interrupted merge with a new event: same key, so read after the repeat, and no more change
        CloudEvent marker = merged("test-merge-duplicate", "test-merge-survivor", "Advocacy Partners Ltd");
        kafka.send(marker.toRecord(PARTNERS_TOPIC)).get();
        awaitProcessed(mongo, marker);

        Contract repeated = contracts.findById("test-merge-advocacy").orElseThrow();
        assertThat(repeated.getVersion()).as("the repeated events changed nothing").isEqualTo(settledAfter.getVersion());
        assertThat(repeated.getRevision()).isEqualTo(settledAfter.getRevision());
        assertThat(repeated.getPendingEvents()).isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("partner-directory:" + merged.id())), "processed_events")).isEqualTo(1);
    }

    @Test
    void aMergeReadAfterItsSurvivorsOwnMergeLeadsToTheLastSurvivor() throws Exception {
        GraphQlHttp editor = GraphQlHttp.onPort(port).as("lincolnshire-cc", "editor");
        register(editor, "test-merge-chain", "First Name Trust", List.of("test-chain-first"));
        settled("test-merge-chain");

        // Different keys, so Kafka may deliver them in either order: the second merge first, here.
        kafka.send(merged("test-chain-second", "test-chain-third", "Third Name Trust").toRecord(PARTNERS_TOPIC)).get();
        kafka.send(merged("test-chain-first", "test-chain-second", "Second Name Trust").toRecord(PARTNERS_TOPIC)).get();

        awaitProviders("test-merge-chain", List.of("test-chain-third"));
    }

    /** As partners-service records it when it turns the duplicate into a pointer to the survivor (Organisation.markMergedInto). */
    private static CloudEvent merged(String mergedId, String survivorId, String survivorName) {
        FieldChanges changes = new FieldChanges();
        changes.set("mergedInto", null, survivorId);
        changes.set("status", "ACTIVE", "CLOSED");
        changes.set("closedOn", null, LocalDate.now());
        Map<String, Object> data = changes.eventData("id", mergedId, "test-user@partners-admin");
        data.put("mergedInto", survivorId);
        data.put("survivorName", survivorName);
        return partnersEvent("org.civicgraph.partners.organisation.merged.v1", mergedId, data);
    }

    private static CloudEvent partnersEvent(String type, String organisationId, Map<String, Object> data) {
        return new CloudEvent(UUID.randomUUID().toString(), type, "/civicgraph/partners-service", "organisations/" + organisationId,
                Instant.now(), organisationId, EventJson.write(data));
    }

    private static void register(GraphQlHttp editor, String id, String provider, List<String> organisationIds) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("strategyId", "community-resilience-and-assets");
        input.put("service", "Independent advocacy");
        input.put("provider", provider);
        input.put("providerOrganisationIds", organisationIds);
        input.put("term", "3 + 1 years (Mar 2027)");
        GraphQlHttp.Response response = editor.post("mutation($input: RegisterContractInput!) { registerContract(input: $input) { contract { id } } }",
                Map.of("input", input));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
    }

    private static List<String> contractIds(GraphQlHttp graphql, String providerOrganisationId) {
        GraphQlHttp.Response response = graphql.post("{ contracts(filter: {providerOrganisationId: \"" + providerOrganisationId
                + "\"}, first: 100) { edges { node { id } } } }");
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response.read("$.data.contracts.edges[*].node.id");
    }

    private Contract awaitProviders(String id, List<String> organisationIds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Contract contract = contracts.findById(id).orElseThrow();
        while (!contract.getProviderOrganisationIds().equals(organisationIds)) {
            assertThat(Instant.now()).as("%s matched to %s in time; is %s", id, organisationIds, contract.getProviderOrganisationIds())
                    .isBefore(deadline);
            Thread.sleep(100);
            contract = contracts.findById(id).orElseThrow();
        }
        return contract;
    }

    /** The contract once the outbox relay has published its events. */
    private Contract settled(String id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        Contract contract = contracts.findById(id).orElseThrow();
        while (!contract.getPendingEvents().isEmpty()) {
            assertThat(Instant.now()).as("events of %s published in time", id).isBefore(deadline);
            Thread.sleep(50);
            contract = contracts.findById(id).orElseThrow();
        }
        return contract;
    }

    private static ConsumerRecord<String, byte[]> published(String id, String type) {
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), "civicgraph.contracts.v1")) {
            Predicate<ConsumerRecord<String, byte[]>> wanted = record -> id.equals(record.key())
                    && type.equals(TopicReader.header(record, "ce_type"));
            return reader.readUntil(wanted, Duration.ofSeconds(30)).stream().filter(wanted).findFirst().orElseThrow();
        }
    }
}
