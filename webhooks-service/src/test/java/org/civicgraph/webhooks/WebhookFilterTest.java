package org.civicgraph.webhooks;

import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.test.GraphQlHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.webhooks.WebhookTesting.await;
import static org.civicgraph.webhooks.WebhookTesting.publish;
import static org.civicgraph.webhooks.WebhookTesting.register;

/**
 * Filters by event type, organisation and area deliver exactly the matching events, including events that name no
 * organisation or area themselves but belong to a plan that does; and no filter lets through an event its organisation
 * may not see: events restricted to another organisation ({@code visibleTo}), such as that organisation's own webhook
 * events.
 */
@WebhooksIntegrationTest
class WebhookFilterTest {

    private static final String STATUS_REPORTED = "org.civicgraph.plans.activity.status-reported.v1";
    private static final String PLAN_CREATED = "org.civicgraph.plans.plan.created.v1";
    private static final String ORGANISATION_UPDATED = "org.civicgraph.partners.organisation.updated.v1";

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    final List<TestReceiver> receivers = new ArrayList<>();
    final List<String> organisations = new ArrayList<>();

    @AfterEach
    void suspendAndStop() {
        GraphQlHttp graphql = GraphQlHttp.onPort(port);
        for (String organisation : organisations) {
            GraphQlHttp admin = graphql.as(organisation, "admin");
            List<String> ids = admin.post("{ webhookSubscriptions { id } }").read("$.data.webhookSubscriptions[*].id");
            ids.forEach(id -> admin.post("mutation { suspendWebhook(id: \"" + id + "\") { subscription { state } } }"));
        }
        receivers.forEach(TestReceiver::close);
    }

    private TestReceiver receiver() {
        TestReceiver receiver = TestReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    private String organisation(String name) {
        String slug = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        organisations.add(slug);
        return slug;
    }

    private static String gssCode() {
        return "E0" + (7_000_000 + ThreadLocalRandom.current().nextInt(999_999));
    }

    @Test
    void eachFilterDeliversOnlyTheEventsItMatchesAndNeverOnesTheSubscriberMayNotSee() {
        GraphQlHttp graphql = GraphQlHttp.onPort(port);
        String subscriber = organisation("subscriber");
        String other = organisation("other-partner");
        String council = organisation("council");
        String elsewhere = organisation("elsewhere");
        String area = gssCode();
        String otherArea = gssCode();
        String plan = "plans/" + council + "-plan";
        String otherPlan = "plans/" + elsewhere + "-plan";

        TestReceiver everything = receiver();
        TestReceiver byType = receiver();
        TestReceiver byOrganisation = receiver();
        TestReceiver byArea = receiver();
        TestReceiver byTypePrefix = receiver();
        TestReceiver otherPartner = receiver();
        register(graphql, subscriber, everything.url(), null);
        register(graphql, subscriber, byType.url(), Map.of("eventTypes", List.of(STATUS_REPORTED)));
        register(graphql, subscriber, byOrganisation.url(), Map.of("organisations", List.of(council)));
        register(graphql, subscriber, byArea.url(), Map.of("areas", List.of(area)));
        register(graphql, subscriber, byTypePrefix.url(), Map.of("eventTypes", List.of("org.civicgraph.partners.*")));
        String otherHook = register(graphql, other, otherPartner.url(), null).get("id");

        CloudEvent planCreated = publish(kafka, "civicgraph.plans.v1", PLAN_CREATED, plan, plan.substring(6),
                "{\"id\":\"" + plan.substring(6) + "\",\"ownerOrganisation\":\"" + council + "\",\"areas\":[\"" + area + "\"]}");
        CloudEvent reported = publish(kafka, "civicgraph.plans.v1", STATUS_REPORTED, plan + "/activities/A1", plan.substring(6) + "/A1",
                "{\"status\":\"Amber\"}");
        CloudEvent otherPlanCreated = publish(kafka, "civicgraph.plans.v1", PLAN_CREATED, otherPlan, otherPlan.substring(6),
                "{\"id\":\"" + otherPlan.substring(6) + "\",\"ownerOrganisation\":\"" + elsewhere + "\",\"areas\":[\"" + otherArea + "\"]}");
        CloudEvent otherReported = publish(kafka, "civicgraph.plans.v1", STATUS_REPORTED, otherPlan + "/activities/A1",
                otherPlan.substring(6) + "/A1", "{\"status\":\"Red\"}");
        CloudEvent councilUpdated = publish(kafka, "civicgraph.partners.v1", ORGANISATION_UPDATED, "organisations/" + council, council,
                "{\"id\":\"" + council + "\",\"changes\":{\"website\":{\"old\":null,\"new\":\"https://council.example\"}}}");
        CloudEvent forOtherOnly = publish(kafka, "civicgraph.plans.v1", STATUS_REPORTED, otherPlan + "/activities/A2",
                otherPlan.substring(6) + "/A2", "{\"status\":\"Green\",\"visibleTo\":[\"" + other + "\"]}");
        CloudEvent last = publish(kafka, "civicgraph.partners.v1", ORGANISATION_UPDATED, "organisations/" + elsewhere, elsewhere,
                "{\"id\":\"" + elsewhere + "\",\"changes\":{\"website\":{\"old\":null,\"new\":\"https://elsewhere.example\"}}}");

        await(Duration.ofSeconds(30), "every subscriber to have the last event it matches",
                () -> has(everything, last) && has(byTypePrefix, last) && has(otherPartner, last) && has(otherPartner, forOtherOnly)
                        && has(byType, otherReported) && has(byOrganisation, councilUpdated) && has(byArea, reported));
        Set<String> published = Set.of(planCreated.id(), reported.id(), otherPlanCreated.id(), otherReported.id(), councilUpdated.id(),
                forOtherOnly.id(), last.id());

        // order is kept per subject (WebhookDeliveryTest); these events have different subjects
        assertThat(ids(everything, published)).containsExactlyInAnyOrder(planCreated.id(), reported.id(), otherPlanCreated.id(), otherReported.id(),
                councilUpdated.id(), last.id());
        assertThat(ids(byType, published)).containsExactlyInAnyOrder(reported.id(), otherReported.id());
        assertThat(ids(byOrganisation, published)).as("the council's plan, its activity's report (inherited from the plan) and the council itself")
                .containsExactlyInAnyOrder(planCreated.id(), reported.id(), councilUpdated.id());
        assertThat(ids(byArea, published)).containsExactlyInAnyOrder(planCreated.id(), reported.id());
        assertThat(ids(byTypePrefix, published)).containsExactlyInAnyOrder(councilUpdated.id(), last.id());
        assertThat(ids(otherPartner, published)).contains(forOtherOnly.id());

        assertThat(everything.received()).as("another organisation's webhook events are never delivered")
                .noneMatch(r -> r.body().contains(otherHook))
                .allSatisfy(r -> assertThat(r.body()).doesNotContain("\"visibleTo\":[\"" + other + "\"]"));
        assertThat(otherPartner.received()).as("an organisation's own webhook events are")
                .anyMatch(r -> r.type().equals("org.civicgraph.webhooks.subscription.validated.v1") && r.body().contains(otherHook));
    }

    private static boolean has(TestReceiver receiver, CloudEvent event) {
        return receiver.received().stream().anyMatch(r -> event.id().equals(r.id()));
    }

    private static List<String> ids(TestReceiver receiver, Set<String> published) {
        return receiver.received().stream().map(TestReceiver.Received::id).filter(published::contains).distinct().toList();
    }
}
