package org.civicgraph.contracts.contract;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.cloudevents.EventJson;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.awaitProcessed;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.send;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.awaitClosed;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.closed;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.registered;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.renamed;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.updatedName;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.updatedOtherNames;

/**
 * The partner directory renames organisations and gives them other names, and says so on civicgraph.partners.v1 as
 * partners-service does: contracts show the directory's current name of their providers beside the name as written,
 * and strategies of their commissioners; and providers left unmatched are resolved again by the directory, matched only
 * when it is confident. The directory's name resolution is played here by a small HTTP server answering as
 * partners-service's resolveNames does (the whole stack's end-to-end test asks the real one).
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class DirectoryNamesTest {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    private static final HttpServer DIRECTORY = directory(Map.of("Fostering Collective of Lincolnshire", "test-names-fostering"));
    private static final List<Map<?, ?>> ASKED = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;
    @Autowired
    Contracts contracts;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void directoryUrl(DynamicPropertyRegistry registry) {
        registry.add("civicgraph.contracts.directory-url", () -> "http://127.0.0.1:" + DIRECTORY.getAddress().getPort() + "/graphql");
    }

    @AfterAll
    static void stopDirectory() {
        DIRECTORY.stop(0);
    }

    @Test
    void aRenamedProviderAndCommissionerShowTheirNewNamesBesideTheNamesAsWritten() throws Exception {
        GraphQlHttp editor = GraphQlHttp.onPort(port).as("lincolnshire-cc", "editor");
        register(editor, "test-names-advocacy", "Advocacy Lincs (as the report writes it)", List.of("test-names-advocacy-org"));
        send(kafka, registered("test-names-advocacy-org", "Advocacy Lincs", T0), registered("lincolnshire-cc", "Lincolnshire County Council", T0));
        String query = "{ contract(id: \"test-names-advocacy\") { provider providerOrganisations { id currentName } } "
                + "commissioningStrategy(id: \"community-resilience-and-assets\") { commissioner { id currentName } } }";
        awaitAnswer(query, "$.data.contract.providerOrganisations[0].currentName", "Advocacy Lincs");

        CloudEvent renamed = renamed("test-names-advocacy-org", "Advocacy Lincs", "Advocacy Lincolnshire CIC", T0.plusSeconds(3600));
        CloudEvent updated = updatedName("test-names-advocacy-org", "Advocacy Lincs", "Advocacy Lincolnshire CIC", T0.plusSeconds(3600));
        send(kafka, updated, renamed);
        GraphQlHttp.Response answer = awaitAnswer(query, "$.data.contract.providerOrganisations[0].currentName", "Advocacy Lincolnshire CIC");
        assertThat(answer.<String>read("$.data.contract.provider")).as("the name as written stays")
                .isEqualTo("Advocacy Lincs (as the report writes it)");
        assertThat(answer.<String>read("$.data.contract.providerOrganisations[0].id")).isEqualTo("test-names-advocacy-org");
        assertThat(answer.<String>read("$.data.commissioningStrategy.commissioner.currentName")).isEqualTo("Lincolnshire County Council");
        GraphQlHttp.Response budgets = GraphQlHttp.onPort(port).post("{ commissioningStrategy(id: \"children-are-safe-and-healthy\") "
                + "{ pooledBudgets { heldBy holder { id currentName } contributions { contributor organisation { id currentName } } } } }");
        assertThat(budgets.hasErrors()).as(budgets.body()).isFalse();
        assertThat(budgets.<String>read("$.data.commissioningStrategy.pooledBudgets[1].holder.currentName")).isEqualTo("Lincolnshire County Council");
        assertThat(budgets.<String>read("$.data.commissioningStrategy.pooledBudgets[1].contributions[0].organisation.currentName"))
                .isEqualTo("Lincolnshire County Council");
        assertThat(budgets.<Object>read("$.data.commissioningStrategy.pooledBudgets[1].contributions[1].organisation"))
                .as("a contributor not matched to the directory has no organisation").isNull();
        assertThat(budgets.<Object>read("$.data.commissioningStrategy.pooledBudgets[0].holder")).isNull();

        GraphQlHttp.Response entities = GraphQlHttp.onPort(port).post("{ _entities(representations: [{__typename: \"Organisation\", "
                + "id: \"test-names-advocacy-org\"}]) { ... on Organisation { id currentName } } }");
        assertThat(entities.<String>read("$.data._entities[0].currentName")).as("the federated entity, for a gateway")
                .isEqualTo("Advocacy Lincolnshire CIC");

        // The registration delivered again, late, then a closure read after it (same key): the newer name stays.
        send(kafka, registered("test-names-advocacy-org", "Advocacy Lincs", T0), closed("test-names-advocacy-org", T0.plusSeconds(7200)));
        awaitClosed(mongo, "test-names-advocacy-org");
        assertThat(GraphQlHttp.onPort(port).post(query).<String>read("$.data.contract.providerOrganisations[0].currentName"))
                .isEqualTo("Advocacy Lincolnshire CIC");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnmatchedProviderIsMatchedWhenTheDirectoryResolvesItsNameWithConfidenceAndOthersStayFlagged() throws Exception {
        GraphQlHttp editor = GraphQlHttp.onPort(port).as("lincolnshire-cc", "editor");
        register(editor, "test-names-fostering-contract", "Fostering Collective of Lincolnshire", List.of());
        register(editor, "test-names-various", "Various local fostering agencies", List.of());
        Contract stillUnmatchedBefore = settled("test-names-various");
        settled("test-names-fostering-contract");

        CloudEvent aliasAdded = updatedOtherNames("test-names-fostering", "[]", "[Fostering Collective of Lincolnshire]", T0.plusSeconds(60));
        send(kafka, aliasAdded);

        Contract matched = awaitResolution("test-names-fostering-contract", ProviderResolution.RESOLVED);
        assertThat(matched.getProviderOrganisationIds()).containsExactly("test-names-fostering");
        assertThat(matched.getProvider()).isEqualTo("Fostering Collective of Lincolnshire");
        awaitProcessed(mongo, aliasAdded);
        Contract stillUnmatched = contracts.findById("test-names-various").orElseThrow();
        assertThat(stillUnmatched.getProviderResolution()).isEqualTo(ProviderResolution.UNRESOLVED);
        assertThat(stillUnmatched.getVersion()).as("a name not resolved with confidence changes nothing").isEqualTo(stillUnmatchedBefore.getVersion());
        assertThat(ASKED).as("every unmatched name asked for, with the contracts' areas, in one call")
                .anySatisfy(variables -> {
                    assertThat((List<Object>) variables.get("names")).contains("Fostering Collective of Lincolnshire", "Various local fostering agencies",
                            "Multiple providers");
                    assertThat((List<Object>) variables.get("areas")).containsExactly("E10000019");
                });

        ConsumerRecord<String, byte[]> event = published("test-names-fostering-contract", Contract.PROVIDER_MATCHED);
        DocumentContext data = JsonPath.parse(new String(event.value(), StandardCharsets.UTF_8));
        assertThat(data.<String>read("$.changes.providerResolution.old")).isEqualTo("UNRESOLVED");
        assertThat(data.<String>read("$.changes.providerResolution.new")).isEqualTo("RESOLVED");
        assertThat(data.<String>read("$.changes.providerOrganisationIds.new")).isEqualTo("[test-names-fostering]");
        assertThat(data.<String>read("$.changedBy")).isEqualTo("partner-directory");
        assertThat(data.<String>read("$.because.event")).isEqualTo(aliasAdded.id());
        assertThat(data.<String>read("$.match.matchedName")).isEqualTo("Fostering Collective of Lincolnshire");
        assertThat(data.<Double>read("$.match.score")).isEqualTo(0.97);
    }

    /** Answers resolveNames as partners-service does: RESOLVED for the names it knows, UNKNOWN with no candidates otherwise. */
    private static HttpServer directory(Map<String, String> known) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/graphql", exchange -> {
                Map<?, ?> request = EventJson.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Map.class);
                Map<?, ?> variables = (Map<?, ?>) request.get("variables");
                ASKED.add(variables);
                List<Map<String, Object>> resolutions = new ArrayList<>();
                for (Object name : (List<?>) variables.get("names")) {
                    Map<String, Object> resolution = new LinkedHashMap<>();
                    resolution.put("name", name);
                    String id = known.get(name);
                    resolution.put("status", id == null ? "UNKNOWN" : "RESOLVED");
                    resolution.put("partner", id == null ? null : Map.of("__typename", "Organisation", "id", id));
                    resolution.put("candidates", id == null ? List.of() : List.of(Map.of("score", 0.97, "matchedName", name, "match", "OTHER_NAME")));
                    resolutions.add(resolution);
                }
                byte[] body = EventJson.write(Map.of("data", Map.of("resolveNames", resolutions))).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GraphQlHttp.Response awaitAnswer(String query, String path, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post(query);
        while (!expected.equals(response.hasErrors() ? null : response.read(path))) {
            assertThat(Instant.now()).as("%s is %s in time; answer %s", path, expected, response.body()).isBefore(deadline);
            Thread.sleep(100);
            response = GraphQlHttp.onPort(port).post(query);
        }
        return response;
    }

    private Contract awaitResolution(String id, ProviderResolution resolution) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Contract contract = contracts.findById(id).orElseThrow();
        while (contract.getProviderResolution() != resolution) {
            assertThat(Instant.now()).as("%s %s in time", id, resolution).isBefore(deadline);
            Thread.sleep(100);
            contract = contracts.findById(id).orElseThrow();
        }
        return contract;
    }

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

    private static void register(GraphQlHttp editor, String id, String provider, List<String> organisationIds) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("strategyId", "community-resilience-and-assets");
        input.put("service", "Independent advocacy");
        input.put("provider", provider);
        input.put("providerOrganisationIds", organisationIds);
        input.put("term", "3 + 1 years (Mar 2027)");
        input.put("areas", List.of("E10000019"));
        GraphQlHttp.Response response = editor.post("mutation($input: RegisterContractInput!) { registerContract(input: $input) { contract { id } } }",
                Map.of("input", input));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
    }

    private static ConsumerRecord<String, byte[]> published(String id, String type) {
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), "civicgraph.contracts.v1")) {
            Predicate<ConsumerRecord<String, byte[]>> wanted = record -> id.equals(record.key())
                    && type.equals(TopicReader.header(record, "ce_type"));
            return reader.readUntil(wanted, Duration.ofSeconds(30)).stream().filter(wanted).findFirst().orElseThrow();
        }
    }
}
