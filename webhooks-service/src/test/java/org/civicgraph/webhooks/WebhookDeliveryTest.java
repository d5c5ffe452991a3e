package org.civicgraph.webhooks;

import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.test.GraphQlHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.webhooks.WebhookTesting.await;
import static org.civicgraph.webhooks.WebhookTesting.publish;
import static org.civicgraph.webhooks.WebhookTesting.register;
import static org.civicgraph.webhooks.WebhookTesting.verifies;

/** Deliveries to real HTTP endpoints on loopback, with the short retry settings of {@link WebhooksIntegrationTest}. */
@WebhooksIntegrationTest
class WebhookDeliveryTest {

    private static final String PLANS = "civicgraph.plans.v1";
    private static final String SOURCE = "/civicgraph/plans-service";
    private static final String STATUS_REPORTED = "org.civicgraph.plans.activity.status-reported.v1";

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    GraphQlHttp graphql;
    String organisation;
    final List<TestReceiver> receivers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
        organisation = "partner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void suspendWebhooksAndStopReceivers() {
        GraphQlHttp admin = graphql.as(organisation, "admin");
        List<String> ids = admin.post("{ webhookSubscriptions { id } }").read("$.data.webhookSubscriptions[*].id");
        ids.forEach(id -> assertThat(admin.post("mutation { suspendWebhook(id: \"" + id + "\") { subscription { state } } }")
                .<String>read("$.data.suspendWebhook.subscription.state")).isEqualTo("SUSPENDED"));
        receivers.forEach(TestReceiver::close);
    }

    private TestReceiver receiver() {
        TestReceiver receiver = TestReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    private String plan() {
        return "plans/" + organisation + "-plan-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private CloudEvent report(String subject, int n) {
        return publish(kafka, PLANS, STATUS_REPORTED, subject, subject, "{\"n\":" + n + ",\"status\":\"Green\"}");
    }

    @Test
    void theEndpointIsValidatedThenReceivesSignedBinaryModeCloudEvents() {
        TestReceiver receiver = receiver();
        Map<String, String> webhook = register(graphql, organisation, receiver.url(), null);

        assertThat(receiver.handshakes()).hasSize(1);
        assertThat(receiver.handshakes().get(0)).containsEntry("webhook-request-origin", "civicgraph.org");
        String subject = plan() + "/activities/A1";
        List<CloudEvent> sent = List.of(report(subject, 1), report(subject, 2), report(subject, 3));

        await(Duration.ofSeconds(20), "three deliveries", () -> mine(receiver).size() >= 3);
        List<TestReceiver.Received> received = mine(receiver);
        assertThat(received).extracting(TestReceiver.Received::id).containsExactlyElementsOf(sent.stream().map(CloudEvent::id).toList());
        TestReceiver.Received first = received.get(0);
        assertThat(first.type()).isEqualTo(STATUS_REPORTED);
        assertThat(first.source()).isEqualTo("/civicgraph/plans-service");
        assertThat(first.subject()).isEqualTo(subject);
        assertThat(first.time()).isEqualTo(sent.get(0).time().toString());
        assertThat(first.contentType()).isEqualTo("application/json");
        assertThat(first.body()).isEqualTo(sent.get(0).data());
        assertThat(received).allSatisfy(delivery -> assertThat(verifies(delivery.signature(), delivery.body(), webhook.get("secret"))).isTrue());
        assertThat(verifies(first.signature(), first.body() + " ", webhook.get("secret"))).as("a changed body fails").isFalse();
        assertThat(verifies(first.signature(), first.body(), "whsec_someone-else")).as("another secret fails").isFalse();

        String listing = """
                { webhookDeliveries(subscriptionId: "%s", state: SUCCEEDED) { edges { node { eventId state attempts lastStatus deliveredAt } } } }"""
                .formatted(webhook.get("id"));
        GraphQlHttp admin = graphql.as(organisation, "admin");
        List<String> sentIds = sent.stream().map(CloudEvent::id).toList();
        await(Duration.ofSeconds(10), "the deliveries listed as succeeded",
                () -> admin.post(listing).<List<String>>read("$.data.webhookDeliveries.edges[*].node.eventId").containsAll(sentIds));
        GraphQlHttp.Response listed = admin.post(listing);
        assertThat(listed.<List<Integer>>read("$.data.webhookDeliveries.edges[*].node.lastStatus")).as(listed.body()).containsOnly(200);
        assertThat(listed.<List<Integer>>read("$.data.webhookDeliveries.edges[*].node.attempts")).containsOnly(1);
    }

    @Test
    void anEndpointThatRefusesTheHandshakeReceivesNothingUntilItAgrees() {
        TestReceiver receiver = receiver().refusingHandshake();
        GraphQlHttp admin = graphql.as(organisation, "admin");
        GraphQlHttp.Response registered = admin.post(WebhookTesting.REGISTER, Map.of("input", Map.of("endpoint", receiver.url())));
        assertThat(registered.<String>read("$.data.registerWebhook.subscription.state")).as(registered.body()).isEqualTo("PENDING_VALIDATION");
        assertThat(registered.<String>read("$.data.registerWebhook.subscription.validationError")).contains("405");
        String id = registered.read("$.data.registerWebhook.subscription.id");
        String subject = plan();
        report(subject, 1);
        sleep(Duration.ofSeconds(2));
        assertThat(receiver.posts(r -> SOURCE.equals(r.source()) && r.subject().startsWith("plans/" + organisation + "-"))).isZero();

        receiver.allowingHandshake().allowingRate("600");
        GraphQlHttp.Response validated = admin.post("mutation { validateWebhook(id: \"" + id + "\") { subscription { state allowedRate validationError } } }");
        assertThat(validated.<String>read("$.data.validateWebhook.subscription.state")).as(validated.body()).isEqualTo("ACTIVE");
        assertThat(validated.<Integer>read("$.data.validateWebhook.subscription.allowedRate")).isEqualTo(600);
        CloudEvent after = report(subject, 2);
        await(Duration.ofSeconds(20), "the event after validation", () -> !mine(receiver).isEmpty());
        assertThat(mine(receiver)).extracting(TestReceiver.Received::id).containsExactly(after.id());
    }

    @Test
    void onlyTheOrganisationsAdminsManageItsWebhooksAndEndpointsMustBeHttpsOnPublicAddresses() {
        TestReceiver receiver = receiver();
        Map<String, Object> input = Map.of("endpoint", receiver.url());
        assertThat(graphql.post(WebhookTesting.REGISTER, Map.of("input", input)).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(graphql.as(organisation, "editor").post(WebhookTesting.REGISTER, Map.of("input", input)).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(graphql.as("someone-else", "admin").post(WebhookTesting.REGISTER,
                Map.of("input", Map.of("endpoint", receiver.url(), "organisation", organisation))).errorCodes()).containsExactly("FORBIDDEN");
        GraphQlHttp.Response plainHttp = graphql.as(organisation, "admin").post(WebhookTesting.REGISTER,
                Map.of("input", Map.of("endpoint", "http://example.org/hooks")));
        assertThat(plainHttp.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(plainHttp.<List<String>>read("$.errors[*].extensions.field")).containsExactly("endpoint");
        GraphQlHttp.Response metadata = graphql.as(organisation, "admin").post(WebhookTesting.REGISTER,
                Map.of("input", Map.of("endpoint", "https://169.254.169.254/latest/meta-data/")));
        assertThat(metadata.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(metadata.<List<String>>read("$.errors[*].extensions.field")).containsExactly("endpoint");
        assertThat(metadata.<List<String>>read("$.errors[*].message")).singleElement().asString().contains("link-local");
        assertThat(graphql.as(organisation, "admin").post("{ webhookSubscriptions { endpoint } }")
                .<List<String>>read("$.data.webhookSubscriptions[*].endpoint")).doesNotContain("https://169.254.169.254/latest/meta-data/");

        String id = register(graphql, organisation, receiver.url(), null).get("id");
        String deliveries = "{ webhookDeliveries(subscriptionId: \"" + id + "\") { edges { node { id } } } }";
        assertThat(graphql.as("someone-else", "admin").post(deliveries).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(graphql.as(organisation, "viewer").post(deliveries).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(graphql.as("someone-else", "admin").post("{ webhookSubscriptions { id } }")
                .<List<String>>read("$.data.webhookSubscriptions[*].id")).doesNotContain(id);
        assertThat(graphql.as(organisation, "admin").post("{ webhookSubscriptions { id organisation endpoint } }")
                .<List<String>>read("$.data.webhookSubscriptions[*].id")).containsExactly(id);
        assertThat(graphql.as(organisation, "admin").post("{ webhookSubscriptions { secret } }").errorCodes())
                .as("the secret is never readable").containsExactly("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void aReceiverThatIsDownAndComesBackGetsEveryEventInOrderWithoutGaps() {
        TestReceiver receiver = receiver();
        register(graphql, organisation, receiver.url(), null);
        String planSubject = plan();
        List<String> subjects = List.of(planSubject + "/activities/A1", planSubject + "/activities/A2", planSubject + "/activities/A3");
        receiver.goDown();
        List<CloudEvent> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(report(subjects.get(i % subjects.size()), i));
        }
        sleep(Duration.ofMillis(1500)); // several failed attempts, short of parking
        receiver.comeBack();

        await(Duration.ofSeconds(30), "all 30 events", () -> distinctIds(mine(receiver)).size() >= 30);
        for (String subject : subjects) {
            List<String> published = sent.stream().filter(e -> e.subject().equals(subject)).map(CloudEvent::id).toList();
            List<String> arrived = distinctIds(receiver.received(r -> r.subject().equals(subject)));
            assertThat(arrived).as("events of %s in the order of the changes, none missing", subject).containsExactlyElementsOf(published);
        }
    }

    @Test
    void aReceiverThatAlwaysFailsIsParkedAfterItsRetriesWithoutDelayingAnotherSubscriber() {
        TestReceiver failing = receiver().answering(500);
        TestReceiver healthy = receiver();
        Map<String, String> failingHook = register(graphql, organisation, failing.url(), null);
        register(graphql, organisation, healthy.url(), null);
        String planSubject = plan();
        List<CloudEvent> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(report(planSubject + "/activities/A" + i, i));
        }

        List<String> sentIds = sent.stream().map(CloudEvent::id).toList();
        await(Duration.ofSeconds(5), "the healthy subscriber's deliveries while the other fails", () -> mine(healthy).size() >= 4);
        await(Duration.ofSeconds(5), "the failing endpoint being retried", () -> failing.posts(r -> sentIds.contains(r.id())) > 4);
        GraphQlHttp admin = graphql.as(organisation, "admin");
        String parkedQuery = "{ webhookDeliveries(subscriptionId: \"" + failingHook.get("id")
                + "\", state: PARKED) { edges { node { id eventId state attempts lastStatus lastError parkedAt } } } }";
        await(Duration.ofSeconds(20), "all four parked", () -> parkedOf(admin.post(parkedQuery), sentIds).size() == 4);
        List<Map<String, Object>> parked = parkedOf(admin.post(parkedQuery), sentIds);
        assertThat(parked).allSatisfy(delivery -> {
            assertThat((Integer) delivery.get("attempts")).isGreaterThan(2);
            assertThat(delivery.get("lastStatus")).isEqualTo(500);
            assertThat(delivery.get("parkedAt")).isNotNull();
        });
        int attemptsWhenParked = failing.posts(r -> sentIds.contains(r.id()));
        sleep(Duration.ofSeconds(1));
        assertThat(failing.posts(r -> sentIds.contains(r.id()))).as("parked deliveries are not attempted: %s", failing.attempts(r -> sentIds.contains(r.id())).stream().map(r -> r.id().substring(0, 8) + "@" + r.at()).toList()).isEqualTo(attemptsWhenParked);

        failing.answering(200);
        GraphQlHttp.Response redelivered = admin.post("mutation { redeliverParked(subscriptionId: \"" + failingHook.get("id") + "\") { deliveries { eventId state } } }");
        assertThat(redelivered.<List<String>>read("$.data.redeliverParked.deliveries[*].eventId")).as(redelivered.body()).containsAll(sentIds);
        await(Duration.ofSeconds(20), "the redelivered events", () -> failing.received(r -> sentIds.contains(r.id())).size() >= 4);
        assertThat(distinctIds(failing.received(r -> sentIds.contains(r.id())))).containsExactlyElementsOf(sentIds);

        String oneId = failingHook.get("id") + "/" + sent.get(0).id();
        // a delivery's outcome is recorded just after the receiver answers: redeliver it once it shows as succeeded
        String deliveredQuery = "{ webhookDeliveries(subscriptionId: \"" + failingHook.get("id")
                + "\", state: SUCCEEDED) { edges { node { id } } } }";
        await(Duration.ofSeconds(20), "the redelivery recorded as succeeded",
                () -> admin.post(deliveredQuery).<List<String>>read("$.data.webhookDeliveries.edges[*].node.id").contains(oneId));
        GraphQlHttp.Response again = admin.post("mutation { redeliver(deliveryId: \"" + oneId + "\") { deliveries { id state } } }");
        assertThat(again.<List<String>>read("$.data.redeliver.deliveries[*].id")).as(again.body()).containsExactly(oneId);
        await(Duration.ofSeconds(20), "the event delivered again, same ce-id", () -> failing.received(r -> sentIds.contains(r.id())).size() >= 5);
        assertThat(failing.received(r -> sentIds.contains(r.id())).get(4).id()).isEqualTo(sent.get(0).id());
    }

    @Test
    void aRotatedSecretIsAcceptedDuringTheOverlapAndTheOldOneAfterItIsNot() {
        TestReceiver receiver = receiver();
        Map<String, String> webhook = register(graphql, organisation, receiver.url(), null);
        GraphQlHttp admin = graphql.as(organisation, "admin");
        String rotate = "mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret subscription { previousSecretExpiresAt } } }";
        GraphQlHttp.Response rotated = admin.post(rotate, Map.of("input", Map.of("id", webhook.get("id"), "overlapSeconds", 3600)));
        String newSecret = rotated.read("$.data.rotateWebhookSecret.secret");
        assertThat(newSecret).isNotEqualTo(webhook.get("secret"));
        String subject = plan();

        report(subject, 1);
        await(Duration.ofSeconds(20), "a delivery during the overlap", () -> mine(receiver).size() >= 1);
        TestReceiver.Received duringOverlap = mine(receiver).get(0);
        assertThat(duringOverlap.signature().split(",v1=")).hasSize(3);
        assertThat(verifies(duringOverlap.signature(), duringOverlap.body(), webhook.get("secret"))).as("old secret").isTrue();
        assertThat(verifies(duringOverlap.signature(), duringOverlap.body(), newSecret)).as("new secret").isTrue();

        GraphQlHttp.Response noOverlap = admin.post(rotate, Map.of("input", Map.of("id", webhook.get("id"), "overlapSeconds", 0)));
        String newest = noOverlap.read("$.data.rotateWebhookSecret.secret");
        report(subject, 2);
        await(Duration.ofSeconds(20), "a delivery after the overlap", () -> mine(receiver).size() >= 2);
        TestReceiver.Received afterOverlap = mine(receiver).get(1);
        assertThat(verifies(afterOverlap.signature(), afterOverlap.body(), newest)).isTrue();
        assertThat(verifies(afterOverlap.signature(), afterOverlap.body(), newSecret)).isFalse();
        assertThat(verifies(afterOverlap.signature(), afterOverlap.body(), webhook.get("secret"))).isFalse();
    }

    /** What the receiver got of this test's own events (other tests' events are visible to every organisation too). */
    private List<TestReceiver.Received> mine(TestReceiver receiver) {
        return receiver.received(r -> SOURCE.equals(r.source()) && r.subject() != null && r.subject().startsWith("plans/" + organisation + "-"));
    }

    private static List<Map<String, Object>> parkedOf(GraphQlHttp.Response response, List<String> eventIds) {
        List<Map<String, Object>> nodes = response.read("$.data.webhookDeliveries.edges[*].node");
        return nodes.stream().filter(node -> eventIds.contains(node.get("eventId"))).toList();
    }

    private static List<String> distinctIds(List<TestReceiver.Received> received) {
        return new ArrayList<>(received.stream().map(TestReceiver.Received::id).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
