package org.civicgraph.gateway.change;

import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions over WebSocket (graphql-ws) with a real client: sign-in, filters by organisation and area, resume. */
@PlatformIntegrationTest
class ChangeWebSocketTest {

    private static final String CHANGES = """
            subscription($filter: ChangeFilter, $after: String) { changes(filter: $filter, after: $after) {
              id type subject aggregateId organisations areas cursor } }""";
    private static final String ACTIVITY_UPDATED = "org.civicgraph.plans.activity.updated.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void aSubscriberFilteringByOrganisationAndAreaReceivesOnlyTheEventsThatConcernThem() throws Exception {
        String run = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents();
             GraphQlWsClient client = signedIn("boston-bc")) {
            client.subscribe("1", CHANGES, Map.of("filter", Map.of("organisations", List.of("boston-bc"), "areas", List.of("E07000136"))));

            JsonNode first = firstEvent(client, events, () -> {
                events.publish(ACTIVITY_UPDATED, "plans/p/activities/lincoln-" + run, "lincoln-" + run,
                        activity("lincoln-cc", List.of("boston-bc"), "E07000138"));          // names Boston, but not its area
                events.publish(ACTIVITY_UPDATED, "plans/p/activities/sk-" + run, "sk-" + run,
                        activity("south-kesteven-dc", List.of(), "E07000136"));          // Boston's area, not Boston
                events.publish(ACTIVITY_UPDATED, "plans/p/activities/wanted-" + run, "wanted-" + run,
                        activity("lincolnshire-cc", List.of("boston-bc", "nhs-lincolnshire-icb"), "E07000136"));
            });

            assertThat(first.path("aggregateId").asString()).isEqualTo("wanted-" + run);
            assertThat(strings(first.path("organisations"))).containsExactlyInAnyOrder("lincolnshire-cc", "boston-bc", "nhs-lincolnshire-icb");
            assertThat(strings(first.path("areas"))).containsExactly("E07000136");
        }
    }

    @Test
    void aSubscriberThatReconnectsWithItsLastCursorReceivesWhatItMissedInOrderThenLiveEvents() throws Exception {
        String run = UUID.randomUUID().toString();
        String subject = "plans/p/activities/resume-" + run;
        Map<String, Object> onlyThisRun = Map.of("subjectPrefix", subject);
        String cursor;
        try (TestEvents events = new TestEvents()) {
            try (GraphQlWsClient client = signedIn("boston-bc")) {
                client.subscribe("1", CHANGES, Map.of("filter", onlyThisRun));
                JsonNode seen = firstEvent(client, events,
                        () -> events.publish(ACTIVITY_UPDATED, subject, "resume-" + run, activity("boston-bc", List.of(), "E07000136")));
                cursor = seen.path("cursor").asString();
            }
            List<String> missed = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                missed.add(events.publish(ACTIVITY_UPDATED, subject, "resume-" + run, activity("boston-bc", List.of(), "E07000136")));
            }

            try (GraphQlWsClient client = signedIn("boston-bc")) {
                client.subscribe("1", CHANGES, Map.of("filter", onlyThisRun, "after", cursor));
                List<String> received = new ArrayList<>();
                for (int i = 0; i < missed.size(); i++) {
                    received.add(nextEvent(client).path("id").asString());
                }
                String live = events.publish(ACTIVITY_UPDATED, subject, "resume-" + run, activity("boston-bc", List.of(), "E07000136"));

                assertThat(received).containsExactlyElementsOf(missed);
                assertThat(nextEvent(client).path("id").asString()).as("then the live events").isEqualTo(live);
            }
        }
    }

    @Test
    void anAnonymousConnectionMayNotSubscribeAndABadTokenIsRefused() throws Exception {
        try (GraphQlWsClient anonymous = GraphQlWsClient.connect(port, null);
             GraphQlWsClient forged = GraphQlWsClient.connect(port, "not-a-token")) {
            assertThat(anonymous.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            anonymous.subscribe("1", CHANGES, Map.of());
            JsonNode refused = anonymous.next(WAIT);

            assertThat(refused.path("type").asString()).isEqualTo("error");
            assertThat(refused.path("payload").toString()).contains("UNAUTHENTICATED");
            // 4401 Unauthorized, or 1006 when the client sees the connection drop before it reads the close frame
            assertThat(forged.closed().get(30, TimeUnit.SECONDS)).isIn(4401, 1006);
            assertThat(forged.next(Duration.ZERO)).as("never acknowledged").isNull();
        }
    }

    @Test
    void aCursorThatIsNotOneIsABadArgument() throws Exception {
        try (GraphQlWsClient client = signedIn("boston-bc")) {
            client.subscribe("1", CHANGES, Map.of("after", "nonsense"));
            JsonNode refused = client.next(WAIT);

            assertThat(refused.path("type").asString()).isEqualTo("error");
            assertThat(refused.path("payload").toString()).contains("BAD_USER_INPUT").contains("after");
        }
    }

    private GraphQlWsClient signedIn(String organisation) throws InterruptedException {
        GraphQlWsClient client = GraphQlWsClient.connect(port, TestInfrastructure.get().tokenFor(organisation, "viewer"));
        assertThat(client.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
        return client;
    }

    /** The feed reads from the latest offset once its consumer has joined: publish until the subscriber sees an event. */
    private static JsonNode firstEvent(GraphQlWsClient client, TestEvents events, Runnable publish) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            publish.run();
            JsonNode message = client.next(Duration.ofMillis(700));
            if (message != null) {
                assertThat(message.path("type").asString()).as(message.toString()).isEqualTo("next");
                return message.path("payload").path("data").path("changes");
            }
        }
        throw new AssertionError("No event within 60 s");
    }

    private static JsonNode nextEvent(GraphQlWsClient client) throws InterruptedException {
        JsonNode message = client.next(WAIT);
        assertThat(message).as("an event within " + WAIT).isNotNull();
        assertThat(message.path("type").asString()).as(message.toString()).isEqualTo("next");
        return message.path("payload").path("data").path("changes");
    }

    private static String activity(String lead, List<String> partners, String area) {
        return "{\"leadOrganisation\":\"" + lead + "\",\"partnerOrganisations\":[" + String.join(",", partners.stream().map(p -> "\"" + p + "\"").toList())
                + "],\"areas\":[\"" + area + "\"],\"ownerOrganisation\":\"" + lead + "\"}";
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
