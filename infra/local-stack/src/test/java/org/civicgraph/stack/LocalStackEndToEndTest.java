package org.civicgraph.stack;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform as the README's run command starts it: real Kafka broker, embedded Mongo server, token issuer,
 * the four services and the gateway as separate processes with their demo data, queried over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndTest {

    private static final String BOSTON_PROFILE = """
            { areaProfile(code: "E07000136") {
                area { name ancestors { code } }
                partners { organisation { id name } via inherited }
                plans { plan { id title } via inherited } } }""";

    private static LocalStack stack;
    private static Path dataDir;

    @BeforeAll
    static void startStack() throws IOException {
        dataDir = Files.createTempDirectory("civicgraph-e2e");
        stack = new LocalStack(Path.of("../.."), dataDir, StackPorts.free(), message -> System.out.println("[stack] " + message));
        stack.start(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        LocalStack.deleteRecursively(dataDir);
    }

    @Test
    @Order(1)
    void theGatewayAnswersOneQueryWithDataFromThreeServices() throws Exception {
        DocumentContext response = post(stack.gatewayUrl(), BOSTON_PROFILE);

        assertThat(response.<List<Object>>read("$.errors[*]")).isEmpty();
        assertThat(response.<String>read("$.data.areaProfile.area.name")).isEqualTo("Boston");
        assertThat(response.<List<String>>read("$.data.areaProfile.area.ancestors[*].code"))
                .containsExactly("E10000019", "E12000004", "E92000001");
        assertThat(response.<List<String>>read("$.data.areaProfile.partners[?(@.inherited == false)].organisation.id"))
                .contains("boston-bc");
        assertThat(response.<List<String>>read("$.data.areaProfile.partners[?(@.via == 'E10000019')].organisation.id"))
                .contains("lincolnshire-cc");
        assertThat(response.<List<Object>>read("$.data.areaProfile.plans[*].plan.id")).isNotEmpty();
    }

    @Test
    @Order(1)
    void theAreaProfileHasTheAreasIndicatorsAgainstEnglandItsActivitiesWithTheirStatusAndItsContracts() throws Exception {
        DocumentContext response = post(stack.gatewayUrl(), """
                { areaProfile(code: "E07000136") {
                    indicators { benchmark indicators { indicator { id } } negative { indicator { id } latest { value } comparison { outcome benchmarkValue } }
                                 positive { comparison { outcome } } }
                    activities { activity { id reference } via inherited latest { period status behindPlan } }
                    contracts { contract { id service provider latestRating { label } } recordedFor inherited } } }""");

        assertThat(response.<List<Object>>read("$.errors[*]")).isEmpty();
        assertThat(response.<String>read("$.data.areaProfile.indicators.benchmark")).isEqualTo("E92000001");
        assertThat(response.<List<Object>>read("$.data.areaProfile.indicators.indicators[*]")).hasSizeGreaterThan(10);
        // seed 003 section 6.1: Boston's gross median weekly pay, 447.1 against England's 507.9 (2021 provisional)
        assertThat(response.<List<Double>>read("$.data.areaProfile.indicators.negative[?(@.indicator.id == 'gross-median-weekly-pay')].comparison.benchmarkValue"))
                .containsExactly(507.9);
        assertThat(response.<List<String>>read("$.data.areaProfile.indicators.negative[*].comparison.outcome")).containsOnly("WORSE");
        assertThat(response.<List<String>>read("$.data.areaProfile.indicators.positive[*].comparison.outcome")).containsOnly("BETTER");
        assertThat(response.<List<String>>read("$.data.areaProfile.activities[?(@.inherited == true)].via"))
                .isNotEmpty().allMatch(List.of("E10000019", "E12000004", "E92000001")::contains);
        assertThat(response.<List<String>>read("$.data.areaProfile.activities[*].latest.status")).isNotEmpty();
        assertThat(response.<List<Object>>read("$.data.areaProfile.contracts[*].contract.id")).isNotEmpty();
    }

    @Test
    @Order(1)
    void theLeverAreaViewGathersTheStrategysThemeItsPartnersAndItsIndicators() throws Exception {
        DocumentContext response = post(stack.gatewayUrl(), """
                { leverArea(area: HOUSING_AND_HOMELESSNESS) {
                    themes { plan { id } theme { key title objectives { key } } activities { reference description } }
                    partnerships { id plan members { role partner { id name } } }
                    indicators { indicator { id } latest { value } comparison { outcome } } } }""");

        assertThat(response.<List<Object>>read("$.errors[*]")).isEmpty();
        assertThat(response.<List<String>>read("$.data.leverArea.themes[*].plan.id")).contains("lincolnshire-districts-health-wellbeing-strategy");
        assertThat(response.<List<String>>read("$.data.leverArea.themes[*].theme.key")).containsOnly("housing-and-homelessness");
        assertThat(response.<List<Object>>read("$.data.leverArea.themes[0].activities[*]")).isNotEmpty();
        assertThat(response.<List<Object>>read("$.data.leverArea.partnerships[*].members[*].partner.id")).isNotEmpty();
        assertThat(response.<List<Object>>read("$.data.leverArea.indicators[*].indicator.id")).isNotEmpty();
    }

    @Test
    @Order(2)
    void whenAServiceIsStoppedTheViewAnswersWithWhatItHasAndNamesTheMissingService() throws Exception {
        stack.stop(App.PLANS);

        DocumentContext response = post(stack.gatewayUrl(), BOSTON_PROFILE);

        assertThat(response.<String>read("$.data.areaProfile.area.name")).isEqualTo("Boston");
        assertThat(response.<List<Object>>read("$.data.areaProfile.partners[*]")).isNotEmpty();
        assertThat(response.<Object>read("$.data.areaProfile.plans")).isNull();
        assertThat(response.<List<String>>read("$.errors[*].extensions.code")).containsExactly("SERVICE_UNAVAILABLE");
        assertThat(response.<List<String>>read("$.errors[*].extensions.service")).containsExactly("plans");
        assertThat(response.<List<Object>>read("$.errors[0].path")).containsExactly("areaProfile", "plans");
    }

    @Test
    @Order(3)
    void whenTheServiceReturnsTheViewIsWholeAgain() throws Exception {
        stack.restart(App.PLANS, Duration.ofMinutes(2));

        Instant deadline = Instant.now().plusSeconds(60);
        DocumentContext response = post(stack.gatewayUrl(), BOSTON_PROFILE);
        while (!response.<List<Object>>read("$.errors[*]").isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000); // the circuit breaker waits before it tries the service again
            response = post(stack.gatewayUrl(), BOSTON_PROFILE);
        }
        assertThat(response.<List<Object>>read("$.errors[*]")).isEmpty();
        assertThat(response.<List<Object>>read("$.data.areaProfile.plans[*]")).isNotEmpty();
    }

    @Test
    @Order(4)
    void anEditCarriesTheCallersTokenToTheServiceThatOwnsTheRecord() throws Exception {
        String token = stack.issuer().mint("e2e@boston-bc", "boston-bc", List.of("editor", "admin"), Duration.ofMinutes(5));
        String mutation = """
                mutation { updateOrganisation(input: {id: "lincolnshire-cc", website: "https://example.invalid"}) {
                  organisation { website } } }""";

        DocumentContext forbidden = post(stack.serviceUrl(App.PARTNERS), mutation, token);

        assertThat(forbidden.<List<String>>read("$.errors[*].extensions.code")).containsExactly("FORBIDDEN");
    }

    @Test
    @Order(5)
    void aChangeMadeWhileKafkaIsDownIsPublishedOnceWhenItReturns() throws Exception {
        String token = stack.issuer().mint("e2e@north-kesteven-dc", "north-kesteven-dc", List.of("admin"), Duration.ofMinutes(5));
        String website = "https://www.n-kesteven.gov.uk/during-outage-" + System.nanoTime();
        stack.stopKafka();

        DocumentContext changed = post(stack.serviceUrl(App.PARTNERS),
                "mutation { updateOrganisation(input: {id: \"north-kesteven-dc\", website: \"" + website + "\"}) "
                        + "{ organisation { website } } }", token);
        assertThat(changed.<List<Object>>read("$.errors[*]")).isEmpty();
        assertThat(changed.<String>read("$.data.updateOrganisation.organisation.website")).isEqualTo(website);

        stack.startKafka(Duration.ofMinutes(2));
        List<ConsumerRecord<String, byte[]>> forThisChange = readUntil("civicgraph.partners.v1",
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(website), Duration.ofSeconds(60)).stream()
                .filter(record -> new String(record.value(), StandardCharsets.UTF_8).contains(website))
                .toList();
        assertThat(forThisChange).hasSize(1);
        assertThat(forThisChange.get(0).key()).isEqualTo("north-kesteven-dc");
        assertThat(new String(forThisChange.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("org.civicgraph.partners.organisation.updated.v1");
    }

    @Test
    @Order(6)
    void theOrganisation360ViewAsksThreeServicesInOneQuery() throws Exception {
        DocumentContext response = post(stack.gatewayUrl(), """
                { organisation360(id: "lincolnshire-cc") {
                    organisation { name }
                    contractsAsProvider { id service }
                    strategiesCommissioned { id title }
                    activities { id reference } } }""");

        assertThat(response.<List<Object>>read("$.errors[*]")).isEmpty();
        assertThat(response.<String>read("$.data.organisation360.organisation.name")).isEqualTo("Lincolnshire County Council");
        assertThat(response.<List<Object>>read("$.data.organisation360.strategiesCommissioned[*]")).hasSize(8);
        assertThat(response.<List<Object>>read("$.data.organisation360.contractsAsProvider[*]")).isNotEmpty();
        assertThat(response.<List<Object>>read("$.data.organisation360.activities[*]")).isNotEmpty();
    }

    @Test
    @Order(7)
    void theNeedsAttentionViewListsWhatIsBehindPlanWithItsExplanation() throws Exception {
        DocumentContext response = post(stack.gatewayUrl(), """
                { needsAttention(period: "2020/21 Q4", organisation: "lincolnshire-cc") {
                    plans { planId counts { behindPlan notReported } behindPlan { activity { reference } update { status explanation } } }
                    contractDecisions { kind dueDate contract { service } }
                    indicatorsWorseAndWorsening { area { code } entry { indicator { name } } } } }""");

        assertThat(response.<List<Object>>read("$.errors[*]")).isEmpty();
        assertThat(response.<List<Integer>>read("$.data.needsAttention.plans[*].counts.behindPlan")).anyMatch(count -> count > 0);
        assertThat(response.<List<String>>read("$.data.needsAttention.plans[*].behindPlan[*].update.explanation"))
                .isNotEmpty().allMatch(explanation -> explanation != null && !explanation.isBlank());
        assertThat(response.<List<Object>>read("$.data.needsAttention.contractDecisions")).isNotNull();
        assertThat(response.<List<Object>>read("$.data.needsAttention.indicatorsWorseAndWorsening")).isNotNull();
    }

    @Test
    @Order(8)
    void aViewCallsEachServiceOncePerLevelHoweverManyRecordsItCovers() throws Exception {
        long plansBefore = graphqlRequestsServedBy(App.PLANS);
        long contractsBefore = graphqlRequestsServedBy(App.CONTRACTS);

        DocumentContext response = post(stack.gatewayUrl(), """
                { needsAttention(period: "2020/21 Q4") { plans { planId counts { behindPlan } } contractDecisions { dueDate } } }""");

        assertThat(response.<List<Object>>read("$.errors[*]")).isEmpty();
        assertThat(response.<List<Object>>read("$.data.needsAttention.plans[*]")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(graphqlRequestsServedBy(App.PLANS) - plansBefore).as("plans, then every plan's report in one request").isEqualTo(2);
        assertThat(graphqlRequestsServedBy(App.CONTRACTS) - contractsBefore).isEqualTo(1);
    }

    @Test
    @Order(9)
    void aRenameInThePartnerDirectoryReachesTheContractsAndPlansThatNameTheOrganisation() throws Exception {
        String token = stack.issuer().mint("e2e@barnardos", "barnardos", List.of("admin"), Duration.ofMinutes(5));
        String newName = "Barnardo's Children's Charity " + System.nanoTime();
        DocumentContext renamed = post(stack.gatewayUrl(), "mutation { updateOrganisation(input: {id: \"barnardos\", name: "
                + quote(newName) + "}) { organisation { name } } }", token);
        assertThat(renamed.<List<Object>>read("$.errors[*]")).isEmpty();
        assertThat(renamed.<String>read("$.data.updateOrganisation.organisation.name")).isEqualTo(newName);
        long renamedAt = System.nanoTime();

        DocumentContext contract = awaitAnswer(stack.serviceUrl(App.CONTRACTS), """
                { contract(id: "return-interview-service") { provider providerOrganisations { id currentName } } }""",
                "$.data.contract.providerOrganisations[0].currentName", newName);
        long inContracts = (System.nanoTime() - renamedAt) / 1_000_000;
        assertThat(contract.<String>read("$.data.contract.provider")).as("the name as written stays").isEqualTo("Barnardo's");
        assertThat(contract.<String>read("$.data.contract.providerOrganisations[0].id")).isEqualTo("barnardos");

        DocumentContext activities = awaitAnswer(stack.serviceUrl(App.PLANS), """
                { activities(filter: {organisation: "barnardos"}, first: 5) { edges { node { reference
                    partners { id currentName } } } } }""",
                "$.data.activities.edges[0].node.partners[?(@.id == 'barnardos')].currentName", List.of(newName));
        long inPlans = (System.nanoTime() - renamedAt) / 1_000_000;
        assertThat(activities.<List<String>>read("$.data.activities.edges[*].node.reference")).contains("A14");
        System.out.printf("[e2e] the new name was read from contracts-service %d ms and from plans-service %d ms after the rename's answer%n",
                inContracts, inPlans);
    }

    /** Asks the query again until the value at the path is the one expected, for at most a minute. */
    private static DocumentContext awaitAnswer(String url, String query, String path, Object expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        DocumentContext response = post(url, query);
        while (!expected.equals(response.<List<Object>>read("$.errors[*]").isEmpty() ? response.read(path) : null)) {
            assertThat(Instant.now()).as("%s is %s at %s in time; last answer %s", path, expected, url, response.jsonString())
                    .isBefore(deadline);
            Thread.sleep(50); // the interval between two looks, not a guess at how long the change takes
            response = post(url, query);
        }
        return response;
    }

    /** Requests to the service's /graphql endpoint so far, from its own HTTP server metrics. */
    private static long graphqlRequestsServedBy(App app) throws Exception {
        HttpResponse<String> metric = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + stack.ports().of(app) + "/actuator/metrics/http.server.requests?tag=uri:/graphql")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (metric.statusCode() == 404) {
            return 0;
        }
        List<Number> counts = JsonPath.parse(metric.body()).read("$.measurements[?(@.statistic == 'COUNT')].value");
        return counts.get(0).longValue();
    }

    /** Reads the topic from the start until a record matches, then a few seconds more so that a duplicate would show. */
    private static List<ConsumerRecord<String, byte[]>> readUntil(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                                Duration timeout) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (seen.stream().noneMatch(match) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            Instant settle = Instant.now().plusSeconds(3);
            while (Instant.now().isBefore(settle)) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
        }
        return seen;
    }

    private static DocumentContext post(String url, String query) throws Exception {
        return post(url, query, null);
    }

    private static DocumentContext post(String url, String query, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + quote(query) + "}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        DocumentContext json = JsonPath.parse(response.body());
        if (!response.body().contains("\"errors\"")) {
            json.put("$", "errors", List.of());
        }
        return json;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

}
