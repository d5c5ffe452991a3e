package org.civicgraph.contracts.contract;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.contracts.ContractsProperties;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.MovableClock;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.Race;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-driven events with a clock the test moves: announced exactly once on the topic even when several runners
 * look at the same time, caught up after downtime, and scheduled on their own. This context's background schedule
 * looks every 250 ms, racing the runners the test starts itself.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {"civicgraph.demo-data.enabled=true", "civicgraph.contracts.due-events.enabled=true",
        "civicgraph.contracts.due-events.interval=250ms", "civicgraph.contracts.due-events.initial-delay=0s"})
@Import(DueEventsTest.TestClock.class)
class DueEventsTest {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2030-01-10T09:00:00Z"), ContractRegister.UK);
    private static final String PREFIX = "org.civicgraph.contracts.contract.";
    private static final Set<String> DUE_TYPES = Set.of(PREFIX + "review-due.v1", PREFIX + "extension-decision-due.v1",
            PREFIX + "expiring.v1", PREFIX + "rating-overdue.v1");
    private static final List<String> IDS = List.of("due-review", "due-extension", "due-expiring", "due-rating", "due-decline");

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    DueEventRunner runner;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Contracts contracts;
    @Autowired
    ContractsProperties properties;

    @Test
    void eachOccasionIsAnnouncedOnceWhateverTheRunnersAndCatchesUpAfterDowntime() throws Exception {
        GraphQlHttp editor = GraphQlHttp.onPort(port).as("lincolnshire-cc", "editor");
        register(editor, "due-review", "Three Years", "2029-04-01", "15 February 2030", null);
        register(editor, "due-extension", "2 + 1 years (Sep 2031)", null, null, null);
        register(editor, "due-expiring", "12 months (Aug 2030)", null, null, null);
        register(editor, "due-rating", "Three Years", "2029-03-01", null, "6000000");
        register(editor, "due-decline", "2 + 1 years (Mar 2032)", null, null, null);
        assertThat(contracts.findById("due-rating").orElseThrow().getRatingDueDate()).hasToString("2030-03-01");
        assertThat(contracts.findById("due-extension").orElseThrow().getTerm().endDate()).hasToString("2030-09-30");

        // Down from 10 January to 1 June: four occasions became due meanwhile. Four runners race the background schedule.
        CLOCK.set(Instant.parse("2030-06-01T09:00:00Z"));
        DueEventRunner second = new DueEventRunner(mongo, contracts, properties, CLOCK, "second-instance");
        List<DueEventRunner.Report> reports = Race.atOnce(runner::runOnce, second::runOnce, runner::catchUp, second::catchUp);
        assertThat(reports).as("the runners holding no lease").anyMatch(report -> !report.skipped());

        // By 1 November the scheduled looks alone announce the declining contract's extension decision (due 2 October) ...
        CLOCK.set(Instant.parse("2030-11-01T09:00:00Z"));
        try (TopicReader reader = reader()) {
            reader.readUntil(record -> "due-decline".equals(record.key())
                    && (PREFIX + "extension-decision-due.v1").equals(TopicReader.header(record, "ce_type")), Duration.ofSeconds(30));
        }
        // ... then the option is declined that day: the contract now expires with no option left, announced the same day.
        GraphQlHttp.Response declined = editor.post("""
                mutation { declineExtensionOption(input: {id: "due-decline", option: 1, note: "Re-procuring"}) { contract { id } } }""");
        assertThat(declined.hasErrors()).as(declined.body()).isFalse();
        Race.atOnce(runner::catchUp, second::catchUp, runner::runOnce, second::runOnce);

        for (DueOccasionKind kind : DueOccasionKind.values()) {
            assertThat(mongo.findById(kind.name(), DueCheck.class).checkedThrough()).as(kind.name()).hasToString("2030-11-01");
        }
        Map<String, List<String>> announced = announcedAfterSentinels(editor);
        assertThat(announced).containsOnlyKeys(IDS);
        assertThat(announced.get("due-review")).containsExactly("review-due 2030-02-15 becameDueOn=2030-02-15 announcedOn=2030-06-01");
        assertThat(announced.get("due-extension")).containsExactly("extension-decision-due 2030-04-03 option=1");
        assertThat(announced.get("due-expiring")).containsExactly("expiring 2030-08-31");
        assertThat(announced.get("due-rating")).containsExactly("rating-overdue 2030-03-01");
        assertThat(announced.get("due-decline")).containsExactly("extension-decision-due 2030-10-02 option=1", "expiring 2031-03-31");
        assertThat(contracts.findById("due-decline").orElseThrow().getFiredOccasions())
                .containsExactly("EXTENSION_DECISION_DUE:option-1", "EXPIRING:2031-03-31");
    }

    private void register(GraphQlHttp editor, String id, String term, String startDate, String reviewDate, String value) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("strategyId", "community-resilience-and-assets");
        input.put("service", "Service " + id);
        input.put("provider", "LPFT");
        input.put("providerOrganisationIds", List.of("lincolnshire-partnership-nhs-ft"));
        input.put("term", term);
        input.put("startDate", startDate);
        input.put("reviewDate", reviewDate);
        input.put("value", value);
        input.put("kpis", true);
        input.put("kpiCount", 3);
        input.put("procuredUnderProcurementAct2023", value != null);
        GraphQlHttp.Response response = editor.post(
                "mutation($input: RegisterContractInput!) { registerContract(input: $input) { contract { id } } }", Map.of("input", input));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
    }

    /**
     * Every time-driven event of the test's contracts on the topic. A last change to each contract after all the looks
     * goes on the topic behind any event the looks caused (same key, same partition), so once those are read, every
     * duplicate there could be has been read too.
     */
    private Map<String, List<String>> announcedAfterSentinels(GraphQlHttp editor) {
        for (String id : IDS) {
            GraphQlHttp.Response amended = editor.post("mutation($id: ID!) { amendContract(input: {id: $id, rationale: \"Sentinel\", "
                    + "politicallySensitive: true}) { contract { id } } }", Map.of("id", id));
            assertThat(amended.hasErrors()).as(amended.body()).isFalse();
        }
        try (TopicReader reader = reader()) {
            for (String id : IDS) {
                reader.readUntil(record -> id.equals(record.key()) && Contract.AMENDED.equals(TopicReader.header(record, "ce_type")),
                        Duration.ofSeconds(30));
            }
            return reader.seen().stream()
                    .filter(record -> IDS.contains(record.key()) && DUE_TYPES.contains(TopicReader.header(record, "ce_type")))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(DueEventsTest::describe, Collectors.toList())));
        }
    }

    private static String describe(ConsumerRecord<String, byte[]> record) {
        DocumentContext data = JsonPath.parse(new String(record.value(), StandardCharsets.UTF_8));
        String type = TopicReader.header(record, "ce_type").substring(PREFIX.length()).replace(".v1", "");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo("contracts/" + record.key());
        String description = type + " " + data.read("$.dueDate");
        if (type.equals("review-due")) {
            description += " becameDueOn=" + data.read("$.becameDueOn") + " announcedOn=" + data.read("$.announcedOn");
        }
        if (type.equals("extension-decision-due")) {
            description += " option=" + data.read("$.option");
        }
        return description;
    }

    private static TopicReader reader() {
        return new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), "civicgraph.contracts.v1");
    }
}
