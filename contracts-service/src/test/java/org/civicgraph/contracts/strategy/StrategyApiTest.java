package org.civicgraph.contracts.strategy;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test that reports a status uses a strategy of its own: the tests share one database. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class StrategyApiTest {

    private static final String REPORT = """
            mutation($input: ReportStrategyStatusInput!) {
              reportStrategyStatus(input: $input) { strategy { id commissionerStatus commissionerComment reportDate } }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    CommissioningStrategies strategies;

    GraphQlHttp graphql;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
    }

    @Test
    void anyoneCanReadAStrategyWithItsKeyContractsAsWritten() {
        GraphQlHttp.Response response = graphql.post("""
                { commissioningStrategy(id: "children-are-safe-and-healthy") {
                    title ownerOrganisation sponsor commissioningLead leadOfficer stage stageText commissionerStatus reportDate outcomes
                    keyContracts { service provider term reviewDate performance value } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        DocumentContext strategy = JsonPath.parse(response.json().read("$.data.commissioningStrategy", Map.class));
        assertThat(strategy.<String>read("$.title")).isEqualTo("Children are safe and healthy");
        assertThat(strategy.<String>read("$.ownerOrganisation")).isEqualTo("lincolnshire-cc");
        assertThat(strategy.<String>read("$.sponsor")).isEqualTo("Debbie Barnes");
        assertThat(strategy.<String>read("$.commissioningLead")).isEqualTo("Janice Spencer");
        assertThat(strategy.<String>read("$.stage")).isEqualTo("DO");
        assertThat(strategy.<String>read("$.commissionerStatus")).isEqualTo("GREEN");
        assertThat(strategy.<String>read("$.reportDate")).isEqualTo("2017-09-30");
        assertThat(strategy.<List<String>>read("$.outcomes")).contains("Children are safe and protected from harm");
        assertThat(strategy.<List<Object>>read("$.keyContracts")).hasSize(8);
        assertThat(strategy.<List<String>>read("$.keyContracts[?(@.service == 'Healthy Minds Lincolnshire')].term"))
                .containsExactly("3 + 1 + 1 years (Sep 2022)");
        assertThat(strategy.<List<String>>read("$.keyContracts[?(@.service == 'Healthy Minds Lincolnshire')].provider"))
                .containsExactly("LPFT");
        assertThat(strategy.<List<String>>read("$.keyContracts[?(@.service == 'Independent Foster Care')].term"))
                .containsExactly("Linked to individual needs of child");
        assertThat(strategy.<List<String>>read("$.keyContracts[?(@.service == 'Independent Foster Care')].performance"))
                .containsExactly("Linked to individual provider – Overall Good");
    }

    @Test
    void providerSearchIgnoresCaseAndTakesTheTextLiterally() {
        assertThat(idsMatching("{providerNameContains: \"leisure LIMITED (gll)\"}")).containsExactly("community-resilience-and-assets");
        assertThat(idsMatching("{providerNameContains: \"BARNARDO'S\"}"))
                .containsExactlyInAnyOrder("children-are-safe-and-healthy", "readiness-for-adult-life");
    }

    @Test
    void strategiesAreFilteredByStageAndOwner() {
        assertThat(idsMatching("{stage: PLAN}")).containsExactly("protecting-and-sustaining-the-environment");
        assertThat(idsMatching("{ownerOrganisation: \"lincolnshire-cc\"}")).hasSize(8);
        assertThat(idsMatching("{ownerOrganisation: \"boston-bc\"}")).isEmpty();
    }

    @Test
    void strategiesArePagedByCursor() {
        String page = "query($after: String) { commissioningStrategies(first: 5, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }";
        GraphQlHttp.Response first = graphql.post(page);
        GraphQlHttp.Response second = graphql.post(page,
                Map.of("after", first.<String>read("$.data.commissioningStrategies.pageInfo.endCursor")));

        assertThat(first.<Boolean>read("$.data.commissioningStrategies.pageInfo.hasNextPage")).isTrue();
        assertThat(second.<Boolean>read("$.data.commissioningStrategies.pageInfo.hasNextPage")).isFalse();
        List<String> firstIds = first.read("$.data.commissioningStrategies.edges[*].node.id");
        List<String> secondIds = second.read("$.data.commissioningStrategies.edges[*].node.id");
        assertThat(firstIds).hasSize(5).doesNotContainAnyElementsOf(secondIds);
        assertThat(secondIds).hasSize(3);
    }

    @Test
    void aPageLargerThanTheLimitIsRefusedNamingTheArgument() {
        GraphQlHttp.Response response = graphql.post("{ commissioningStrategies(first: 5000) { edges { node { id } } } }");

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("first");
    }

    @Test
    void anEditorOfTheOwnerReportsRedAndTheReportIsPublished() {
        CommissioningStrategy before = strategies.findById("learn-and-achieve").orElseThrow();

        GraphQlHttp.Response response = graphql.as("lincolnshire-cc", "editor").post(REPORT, Map.of("input", Map.of(
                "id", "learn-and-achieve", "commissionerStatus", "RED",
                "comment", "SEND transport costs are 20% over budget; re-tender under way", "reportDate", "2018-03-31")));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.reportStrategyStatus.strategy.commissionerStatus")).isEqualTo("RED");
        assertThat(response.<String>read("$.data.reportStrategyStatus.strategy.reportDate")).isEqualTo("2018-03-31");
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), "civicgraph.contracts.v1")) {
            Predicate<ConsumerRecord<String, byte[]>> statusReported = record -> "learn-and-achieve".equals(record.key())
                    && CommissioningStrategy.STATUS_REPORTED.equals(TopicReader.header(record, "ce_type"));
            ConsumerRecord<String, byte[]> event = reader.readUntil(statusReported, Duration.ofSeconds(30))
                    .stream().filter(statusReported).findFirst().orElseThrow();
            assertThat(TopicReader.header(event, "ce_type")).isEqualTo("org.civicgraph.contracts.strategy.status-reported.v1");
            assertThat(TopicReader.header(event, "ce_source")).isEqualTo("/civicgraph/contracts-service");
            assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("strategies/learn-and-achieve");
            DocumentContext data = JsonPath.parse(new String(event.value(), StandardCharsets.UTF_8));
            assertThat(data.<String>read("$.id")).isEqualTo("learn-and-achieve");
            assertThat(data.<String>read("$.changedBy")).isEqualTo("test-user@lincolnshire-cc");
            assertThat(data.<Object>read("$.changes.commissionerStatus.old")).isEqualTo(textOf(before.getCommissionerStatus()));
            assertThat(data.<String>read("$.changes.commissionerStatus.new")).isEqualTo("RED");
            assertThat(data.<String>read("$.changes.commissionerComment.new")).startsWith("SEND transport costs");
            assertThat(data.<Object>read("$.changes.reportDate.old")).isEqualTo(textOf(before.getReportDate()));
            assertThat(data.<String>read("$.changes.reportDate.new")).isEqualTo("2018-03-31");
        }
    }

    @Test
    void redWithoutACommentIsRefusedNamingTheFieldAndNothingChanges() {
        CommissioningStrategy before = settled("readiness-for-adult-life");

        GraphQlHttp.Response response = graphql.as("lincolnshire-cc", "editor").post(REPORT, Map.of("input", Map.of(
                "id", "readiness-for-adult-life", "commissionerStatus", "RED")));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("comment");
        assertUnchanged(before);
    }

    @Test
    void anEditorOfAnotherOrganisationCannotReport() {
        CommissioningStrategy before = settled("readiness-for-school");

        GraphQlHttp.Response response = graphql.as("boston-bc", "editor", "admin").post(REPORT, Map.of("input", Map.of(
                "id", "readiness-for-school", "commissionerStatus", "RED", "comment", "Not ours to say")));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertUnchanged(before);
    }

    @Test
    void anAnonymousCallerMustSignInToReport() {
        CommissioningStrategy before = settled("community-resilience-and-assets");

        GraphQlHttp.Response response = graphql.post(REPORT, Map.of("input", Map.of(
                "id", "community-resilience-and-assets", "commissionerStatus", "GREEN")));

        assertThat(response.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertUnchanged(before);
    }

    @Test
    void reportingOnAnUnknownStrategyIsNotFound() {
        GraphQlHttp.Response response = graphql.as("lincolnshire-cc", "editor").post(REPORT, Map.of("input", Map.of(
                "id", "no-such-strategy", "commissionerStatus", "GREEN")));

        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("id");
        assertThat(strategies.existsById("no-such-strategy")).isFalse();
    }

    private List<String> idsMatching(String filter) {
        GraphQlHttp.Response response = graphql.post("{ commissioningStrategies(filter: " + filter + ", first: 20) { edges { node { id } } } }");
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response.read("$.data.commissioningStrategies.edges[*].node.id");
    }

    /** The strategy once the outbox relay has published its registration, which bumps the version. */
    private CommissioningStrategy settled(String id) {
        Instant deadline = Instant.now().plusSeconds(10);
        CommissioningStrategy strategy = strategies.findById(id).orElseThrow();
        while (!strategy.getPendingEvents().isEmpty() && Instant.now().isBefore(deadline)) {
            sleep();
            strategy = strategies.findById(id).orElseThrow();
        }
        assertThat(strategy.getPendingEvents()).as("events of " + id + " still waiting to be published").isEmpty();
        return strategy;
    }

    private void assertUnchanged(CommissioningStrategy before) {
        CommissioningStrategy after = strategies.findById(before.getId()).orElseThrow();
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(after.getCommissionerStatus()).isEqualTo(before.getCommissionerStatus());
        assertThat(after.getCommissionerComment()).isEqualTo(before.getCommissionerComment());
        assertThat(after.getPendingEvents()).isEmpty();
    }

    /** As the event data writes a value: enum names and ISO dates as text, or null. */
    private static String textOf(Object value) {
        return value == null ? null : value.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
