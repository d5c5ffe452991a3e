package org.civicgraph.plans.partner;

import org.civicgraph.plans.PlansApi;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.cloudevents.EventJson;
import org.civicgraph.platform.events.FieldChanges;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.plans.PlansApi.activity;
import static org.civicgraph.plans.PlansApi.with;

/**
 * The partner directory renames organisations and says so on civicgraph.partners.v1 as partners-service does: an
 * activity's lead and partners and its theme's partners show the new names beside the ids the plan keeps, and a late
 * registration brings no old name back. Organisation ids are the test's own (other test contexts follow the same topic).
 */
@PlatformIntegrationTest
class RenamedPartnerTest {

    private static final String PARTNERS_TOPIC = "civicgraph.partners.v1";
    private static final String LEAD = "test-rename-lead";
    private static final String PARTNER = "test-rename-partner";
    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anActivitysLeadAndPartnersAndItsThemesPartnersShowTheirNewNames() throws Exception {
        PlansApi api = new PlansApi(port);
        String plan = api.createPlan(with(api.newPlan(LEAD, true), "themes", List.of(
                Map.of("key", "place", "title", "Place", "partnerOrganisations", List.of(PARTNER, "test-rename-unknown"),
                        "objectives", List.of(Map.of("title", "Clean air"))))));
        api.createActivity(LEAD, with(activity(plan, "A1", "place-1"), "partnerOrganisations", List.of(PARTNER)));
        send(registered(LEAD, "Lead Borough Council", T0), registered(PARTNER, "Partner Housing Trust", T0));
        String query = """
                { activity(planId: "%s", reference: "A1") { leadOrganisation lead { id currentName } partnerOrganisations
                  partners { id currentName } theme { partners { id currentName } } } }""".formatted(plan);
        awaitAnswer(query, "$.data.activity.partners[0].currentName", "Partner Housing Trust");

        CloudEvent renamed = renamed(PARTNER, "Partner Housing Trust", "Partner Homes Group", T0.plusSeconds(3600));
        send(updatedName(PARTNER, "Partner Housing Trust", "Partner Homes Group", T0.plusSeconds(3600)), renamed);
        GraphQlHttp.Response answer = awaitAnswer(query, "$.data.activity.partners[0].currentName", "Partner Homes Group");
        assertThat(answer.<List<String>>read("$.data.activity.partnerOrganisations")).as("the plan keeps the id").containsExactly(PARTNER);
        assertThat(answer.<String>read("$.data.activity.lead.id")).isEqualTo(LEAD);
        assertThat(answer.<String>read("$.data.activity.lead.currentName")).isEqualTo("Lead Borough Council");
        assertThat(answer.<List<String>>read("$.data.activity.theme.partners[*].currentName"))
                .as("an organisation the directory has not told of has no current name").containsExactly("Partner Homes Group", null);

        GraphQlHttp.Response entities = new PlansApi(port).anonymous().post("""
                { _entities(representations: [{__typename: "Organisation", id: "%s"}]) { ... on Organisation { id currentName } } }"""
                .formatted(PARTNER));
        assertThat(entities.<String>read("$.data._entities[0].currentName")).as("the federated entity, for a gateway").isEqualTo("Partner Homes Group");

        // The registration delivered again, late, then a closure read after it (same key): the newer name stays.
        send(registered(PARTNER, "Partner Housing Trust", T0), closed(PARTNER, T0.plusSeconds(7200)));
        awaitClosed(PARTNER);
        assertThat(new PlansApi(port).anonymous().post(query).<String>read("$.data.activity.theme.partners[0].currentName"))
                .isEqualTo("Partner Homes Group");
    }

    private GraphQlHttp.Response awaitAnswer(String query, String path, String expected) throws InterruptedException {
        GraphQlHttp anonymous = new PlansApi(port).anonymous();
        Instant deadline = Instant.now().plusSeconds(30);
        GraphQlHttp.Response response = anonymous.post(query);
        while (!expected.equals(response.hasErrors() ? null : response.read(path))) {
            assertThat(Instant.now()).as("%s is %s in time; answer %s", path, expected, response.body()).isBefore(deadline);
            Thread.sleep(100);
            response = anonymous.post(query);
        }
        return response;
    }

    private void send(CloudEvent... events) throws Exception {
        for (CloudEvent event : events) {
            kafka.send(event.toRecord(PARTNERS_TOPIC)).get();
        }
    }

    /** The events as partners-service's Organisation records them (register, edit). */
    private static CloudEvent registered(String id, String name, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("name", name);
        data.put("otherNames", List.of());
        data.put("type", "HOUSING_ASSOCIATION");
        data.put("identifiers", List.of());
        data.put("areasServed", List.of("E07000136"));
        data.put("website", null);
        data.put("contactPoints", List.of());
        data.put("status", "ACTIVE");
        data.put("openedOn", null);
        data.put("units", List.of());
        return partnersEvent("registered", id, data, at);
    }

    private static CloudEvent renamed(String id, String oldName, String newName, Instant at) {
        FieldChanges changes = new FieldChanges();
        changes.set("name", oldName, newName);
        Map<String, Object> data = changes.eventData("id", id, "test-user@partners-admin");
        data.put("name", newName);
        return partnersEvent("renamed", id, data, at);
    }

    private static CloudEvent updatedName(String id, String oldName, String newName, Instant at) {
        FieldChanges changes = new FieldChanges();
        changes.set("name", oldName, newName);
        return partnersEvent("updated", id, changes.eventData("id", id, "test-user@partners-admin"), at);
    }

    private static CloudEvent closed(String id, Instant at) {
        FieldChanges changes = new FieldChanges();
        changes.set("status", "ACTIVE", "CLOSED");
        changes.set("closedOn", null, "2026-02-01");
        Map<String, Object> data = changes.eventData("id", id, "test-user@partners-admin");
        data.put("closedOn", "2026-02-01");
        data.put("reason", null);
        return partnersEvent("closed", id, data, at);
    }

    /** Waits until this service's table of the directory has the organisation closed. */
    private void awaitClosed(String id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Query closed = Query.query(Criteria.where("_id").is(id).and("status").is("CLOSED"));
        while (!mongo.exists(closed, "partner_directory_names")) {
            assertThat(Instant.now()).as("%s closed in time", id).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static CloudEvent partnersEvent(String what, String organisationId, Map<String, Object> data, Instant at) {
        return new CloudEvent(UUID.randomUUID().toString(), "org.civicgraph.partners.organisation." + what + ".v1",
                "/civicgraph/partners-service", "organisations/" + organisationId, at, organisationId, EventJson.write(data));
    }
}
