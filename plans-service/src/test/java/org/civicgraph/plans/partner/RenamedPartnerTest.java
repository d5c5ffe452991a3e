package org.civicgraph.plans.partner;

import org.civicgraph.plans.PlansApi;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.send;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.awaitClosed;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.closed;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.registered;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.renamed;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.updatedName;
import static org.civicgraph.plans.PlansApi.activity;
import static org.civicgraph.plans.PlansApi.with;

/**
 * The partner directory renames organisations and says so on civicgraph.partners.v1 as partners-service does: an
 * activity's lead and partners and its theme's partners show the new names beside the ids the plan keeps, and a late
 * registration brings no old name back. Organisation ids are the test's own (other test contexts follow the same topic).
 */
@PlatformIntegrationTest
class RenamedPartnerTest {

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
        send(kafka, registered(LEAD, "Lead Borough Council", T0), registered(PARTNER, "Partner Housing Trust", T0));
        String query = """
                { activity(planId: "%s", reference: "A1") { leadOrganisation lead { id currentName } partnerOrganisations
                  partners { id currentName } theme { partners { id currentName } } } }""".formatted(plan);
        awaitAnswer(query, "$.data.activity.partners[0].currentName", "Partner Housing Trust");

        CloudEvent renamed = renamed(PARTNER, "Partner Housing Trust", "Partner Homes Group", T0.plusSeconds(3600));
        send(kafka, updatedName(PARTNER, "Partner Housing Trust", "Partner Homes Group", T0.plusSeconds(3600)), renamed);
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
        send(kafka, registered(PARTNER, "Partner Housing Trust", T0), closed(PARTNER, T0.plusSeconds(7200)));
        awaitClosed(mongo, PARTNER);
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
}
