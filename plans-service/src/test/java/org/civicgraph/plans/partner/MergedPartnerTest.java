package org.civicgraph.plans.partner;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.plans.PlansApi;
import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.cloudevents.EventJson;
import org.civicgraph.platform.directory.PartnerDirectoryListener;
import org.civicgraph.platform.events.FieldChanges;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.plans.PlansApi.activity;
import static org.civicgraph.plans.PlansApi.value;
import static org.civicgraph.plans.PlansApi.with;

/**
 * The partner directory merges an organisation and says so on civicgraph.partners.v1, as partners-service does: activities
 * and themes that name it name the survivor, each with an event of its own, the plan's owner stays, and a repeated
 * delivery changes nothing. Organisation ids are the test's own, so that the other test contexts of this JVM, which
 * follow the same topic in their own databases, have nothing to change.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class MergedPartnerTest {

    private static final String PARTNERS_TOPIC = "civicgraph.partners.v1";
    private static final String DUPLICATE = "test-merge-duplicate";
    private static final String SURVIVOR = "test-merge-survivor";

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aMergedLeadOrPartnerIsFollowedToTheSurvivorOnceAndThePlansOwnerStays() throws Exception {
        PlansApi api = new PlansApi(port);
        String plan = api.createPlan(with(api.newPlan(DUPLICATE, true), "themes", List.of(
                Map.of("key", "people", "title", "People", "objectives", List.of(Map.of("title", "Healthy lives"))),
                Map.of("key", "place", "title", "Place", "partnerOrganisations", List.of("sport-england", DUPLICATE),
                        "objectives", List.of(Map.of("title", "Clean air"))))));
        String activityId = (String) api.createActivity(DUPLICATE, with(activity(plan, "A1", "people-1"),
                "partnerOrganisations", List.of("boston-bc", DUPLICATE, SURVIVOR))).get("id");
        Activity before = settled(() -> mongo.findById(activityId, Activity.class));
        settled(() -> mongo.findById(plan, Plan.class));

        CloudEvent merged = merged(DUPLICATE, SURVIVOR);
        kafka.send(merged.toRecord(PARTNERS_TOPIC)).get();

        Activity after = await(() -> mongo.findById(activityId, Activity.class), activity -> SURVIVOR.equals(activity.getLeadOrganisation()));
        assertThat(after.getPartnerOrganisations()).as("the survivor named once").containsExactly("boston-bc", SURVIVOR);
        assertThat(after.getDescription()).isEqualTo(before.getDescription());
        Plan followed = await(() -> mongo.findById(plan, Plan.class),
                p -> p.theme("place").orElseThrow().partnerOrganisations().contains(SURVIVOR));
        assertThat(followed.theme("place").orElseThrow().partnerOrganisations()).containsExactly("sport-england", SURVIVOR);
        assertThat(followed.getOwnerOrganisation()).as("a merge never moves who may change the plan").isEqualTo(DUPLICATE);

        try (TopicReader reader = PlansApi.topic()) {
            ConsumerRecord<String, byte[]> changed = PlansApi.await(reader, "org.civicgraph.plans.activity.changed.v1", activityId).get(0);
            assertThat(JsonPath.<String>read(value(changed), "$.changes.leadOrganisation.old")).isEqualTo(DUPLICATE);
            assertThat(JsonPath.<String>read(value(changed), "$.changes.leadOrganisation.new")).isEqualTo(SURVIVOR);
            assertThat(JsonPath.<String>read(value(changed), "$.changes.partnerOrganisations.new")).isEqualTo("[boston-bc, " + SURVIVOR + "]");
            assertThat(JsonPath.<String>read(value(changed), "$.changedBy")).isEqualTo("partner-directory");
            assertThat(JsonPath.<String>read(value(changed), "$.because.event")).isEqualTo(merged.id());
            ConsumerRecord<String, byte[]> updated = PlansApi.await(reader, "org.civicgraph.plans.plan.updated.v1", plan).get(0);
            assertThat(JsonPath.<Map<String, Object>>read(value(updated), "$.changes")).containsOnlyKeys("themes.place.partnerOrganisations");
            assertThat(JsonPath.<String>read(value(updated), "$.because.mergedInto")).isEqualTo(SURVIVOR);
        }
        GraphQlHttp.Response found = api.anonymous().post("""
                { activities(filter: {organisation: "%s"}, first: 10) { edges { node { id } } } }""".formatted(SURVIVOR));
        assertThat(found.<List<String>>read("$.data.activities.edges[*].node.id")).contains(activityId);

        Activity settledAfter = settled(() -> mongo.findById(activityId, Activity.class));
        kafka.send(merged.toRecord(PARTNERS_TOPIC)).get();
        // The directory repeats an interrupted merge with a new event: same key, so read after the repeat, and no more change
        CloudEvent marker = merged(DUPLICATE, SURVIVOR);
        kafka.send(marker.toRecord(PARTNERS_TOPIC)).get();
        awaitProcessed(marker);

        Activity repeated = mongo.findById(activityId, Activity.class);
        assertThat(repeated.getVersion()).as("the repeated events changed nothing").isEqualTo(settledAfter.getVersion());
        assertThat(repeated.getPendingEvents()).isEmpty();
    }

    /** As partners-service records it when it turns the duplicate into a pointer to the survivor (Organisation.markMergedInto). */
    private static CloudEvent merged(String mergedId, String survivorId) {
        FieldChanges changes = new FieldChanges();
        changes.set("mergedInto", null, survivorId);
        changes.set("status", "ACTIVE", "CLOSED");
        changes.set("closedOn", null, LocalDate.now());
        Map<String, Object> data = changes.eventData("id", mergedId, "test-user@partners-admin");
        data.put("mergedInto", survivorId);
        data.put("survivorName", "Survivor");
        return partnersEvent("org.civicgraph.partners.organisation.merged.v1", mergedId, data);
    }

    private static CloudEvent partnersEvent(String type, String organisationId, Map<String, Object> data) {
        return new CloudEvent(UUID.randomUUID().toString(), type, "/civicgraph/partners-service", "organisations/" + organisationId,
                Instant.now(), organisationId, EventJson.write(data));
    }

    private static <T> T await(Supplier<T> load, java.util.function.Predicate<T> condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        T loaded = load.get();
        while (!condition.test(loaded)) {
            assertThat(Instant.now()).as("followed in time: %s", loaded).isBefore(deadline);
            Thread.sleep(100);
            loaded = load.get();
        }
        return loaded;
    }

    /** The aggregate once the outbox relay has published its events. */
    private static <T extends org.civicgraph.platform.events.AggregateRoot> T settled(Supplier<T> load) throws InterruptedException {
        return await(load, aggregate -> aggregate.getPendingEvents().isEmpty());
    }

    private void awaitProcessed(CloudEvent event) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Query processed = Query.query(Criteria.where("_id").is(PartnerDirectoryListener.CONSUMER + ":" + event.id()));
        while (!mongo.exists(processed, "processed_events")) {
            assertThat(Instant.now()).as("event %s processed in time", event.id()).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
