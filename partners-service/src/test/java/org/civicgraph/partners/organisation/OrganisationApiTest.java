package org.civicgraph.partners.organisation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class OrganisationApiTest {

    private static final String UPDATE = """
            mutation($input: UpdateOrganisationInput!) {
              updateOrganisation(input: $input) { organisation { id name website } }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    GraphQlHttp graphql;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
    }

    @Test
    void anyoneCanReadAnOrganisationFromTheDemoData() {
        GraphQlHttp.Response response = graphql.post("{ organisation(id: \"boston-bc\") { name type areasServed identifiers { scheme value } } }");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.organisation.name")).isEqualTo("Boston Borough Council");
        assertThat(response.<String>read("$.data.organisation.type")).isEqualTo("DISTRICT_COUNCIL");
        assertThat(response.<List<String>>read("$.data.organisation.areasServed")).contains("E07000136");
        assertThat(response.<List<String>>read("$.data.organisation.identifiers[*].value")).contains("E07000136");
    }

    @Test
    void searchIgnoresCaseAndPunctuationAndPages() {
        GraphQlHttp.Response response = graphql.post("""
                { organisations(filter: {nameContains: "LINCOLNSHIRE county"}, first: 5) {
                    edges { node { id } } pageInfo { hasNextPage } } }""");

        assertThat(response.<List<String>>read("$.data.organisations.edges[*].node.id")).contains("lincolnshire-cc");
    }

    @Test
    void aPageLargerThanTheLimitIsRefusedNamingTheArgument() {
        GraphQlHttp.Response response = graphql.post("{ organisations(first: 5000) { edges { node { id } } } }");

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("first");
    }

    @Test
    void anAdminChangesTheirOwnOrganisationAndTheChangeIsPublished() {
        GraphQlHttp.Response response = graphql.as("south-holland-dc", "admin").post(UPDATE,
                Map.of("input", Map.of("id", "south-holland-dc", "website", "https://www.sholland.gov.uk/new")));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.updateOrganisation.organisation.website")).isEqualTo("https://www.sholland.gov.uk/new");
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), "civicgraph.partners.v1")) {
            ConsumerRecord<String, byte[]> event = reader.readUntil(r -> "south-holland-dc".equals(r.key())
                    && "org.civicgraph.partners.organisation.updated.v1".equals(TopicReader.header(r, "ce_type")), Duration.ofSeconds(30))
                    .stream().filter(r -> "org.civicgraph.partners.organisation.updated.v1".equals(TopicReader.header(r, "ce_type")))
                    .filter(r -> "south-holland-dc".equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicReader.header(event, "ce_source")).isEqualTo("/civicgraph/partners-service");
            assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("organisations/south-holland-dc");
            assertThat(new String(event.value())).contains("\"new\":\"https://www.sholland.gov.uk/new\"")
                    .contains("\"changedBy\":\"test-user@south-holland-dc\"");
        }
    }

    @Test
    void aPlatformAdminMayChangeAnyOrganisation() {
        GraphQlHttp.Response response = graphql.as("civicgraph", "admin").post(UPDATE,
                Map.of("input", Map.of("id", "east-midlands-business-ltd", "website", "https://www.example.org/emb")));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.updateOrganisation.organisation.website")).isEqualTo("https://www.example.org/emb");
    }

    @Test
    void anEditorCannotChangeTheirOwnOrganisation() {
        GraphQlHttp.Response response = graphql.as("boston-bc", "editor").post(UPDATE,
                Map.of("input", Map.of("id", "boston-bc", "website", "https://www.boston.gov.uk/editor")));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(organisations.findById("boston-bc").orElseThrow().getWebsite()).isEqualTo("https://www.boston.gov.uk");
    }

    @Test
    void anAdminOfAnotherOrganisationCannotChangeTheRecord() {
        String before = organisations.findById("boston-bc").orElseThrow().getWebsite();

        GraphQlHttp.Response response = graphql.as("lincolnshire-cc", "editor", "admin").post(UPDATE,
                Map.of("input", Map.of("id", "boston-bc", "website", "https://attacker.example")));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(organisations.findById("boston-bc").orElseThrow().getWebsite()).isEqualTo(before);
    }

    @Test
    void aViewerCannotChangeTheirOwnOrganisation() {
        GraphQlHttp.Response response = graphql.as("boston-bc", "viewer").post(UPDATE,
                Map.of("input", Map.of("id", "boston-bc", "name", "Renamed")));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void anAnonymousCallerMustSignInToChangeAnything() {
        GraphQlHttp.Response response = graphql.post(UPDATE, Map.of("input", Map.of("id", "boston-bc", "name", "Renamed")));

        assertThat(response.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(organisations.findById("boston-bc").orElseThrow().getName()).isEqualTo("Boston Borough Council");
    }

    @Test
    void anInvalidWebsiteIsRefusedNamingTheFieldAndNothingChanges() {
        Long versionBefore = publishedOrganisation("west-lindsey-dc").getVersion();

        GraphQlHttp.Response response = graphql.as("west-lindsey-dc", "admin").post(UPDATE,
                Map.of("input", Map.of("id", "west-lindsey-dc", "website", "ftp://west-lindsey")));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("website");
        assertThat(response.<String>read("$.errors[0].message")).contains("https://");
        assertThat(organisations.findById("west-lindsey-dc").orElseThrow().getVersion()).isEqualTo(versionBefore);
    }

    /** Waits until the relay has published the record's demo-data event, since publishing bumps its version. */
    private Organisation publishedOrganisation(String id) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        Organisation organisation = organisations.findById(id).orElseThrow();
        while (!organisation.getPendingEvents().isEmpty() && java.time.Instant.now().isBefore(deadline)) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
            organisation = organisations.findById(id).orElseThrow();
        }
        assertThat(organisation.getPendingEvents()).as("events of %s published", id).isEmpty();
        return organisation;
    }

    @Test
    void anInvalidTokenIsRejected() {
        GraphQlHttp.Response response = graphql.withToken("not-a-jwt").post("{ organisation(id: \"boston-bc\") { name } }");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void errorsCarryNoStackTraces() {
        GraphQlHttp.Response response = graphql.post("{ organisation(id: \"boston-bc\") { nonsense } }");

        assertThat(response.errorCodes()).containsExactly("GRAPHQL_VALIDATION_FAILED");
        assertThat(response.body()).doesNotContain("at org.").doesNotContain("Exception");
    }
}
