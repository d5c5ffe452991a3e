package org.civicgraph.indicators.series;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.indicators.Events;
import org.civicgraph.indicators.transfer.CsvHttp;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An area's standing against England (the watched benchmark: within 5% is similar) is announced whenever it moves:
 * by a value of the area, by a new figure for England, and by an import.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ComparisonEventsTest {

    private static final String CHANGED = "org.civicgraph.indicators.comparison.changed.v1";
    private static final String MISSED = "org.civicgraph.indicators.targets.missed.v1";
    private static final String IMPORTED = "org.civicgraph.indicators.values.imported.v1";
    private static final String BOSTON = "E07000136";
    private static final String ENGLAND = "E92000001";

    @LocalServerPort
    int port;

    @Test
    void anAreaMovingFromSimilarToWorseAndBackIsAnnouncedWhateverMovedIt() {
        GraphQlHttp editor = GraphQlHttp.onPort(port).as("boston-bc", "editor");
        String id = "test-admissions-" + ThreadLocalRandom.current().nextInt(1_000_000);
        editor.post("""
                mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { indicator { id } } }""",
                Map.of("input", Map.of("id", id, "name", "Test admissions " + id, "unit", "RATE_PER_100000", "polarity", "LOWER_IS_GOOD",
                        "ownerOrganisation", "boston-bc")));

        publish(editor, id, ENGLAND, "2020", 100);
        publish(editor, id, BOSTON, "2020", 102);    // similar: first judgement, nothing to announce
        publish(editor, id, ENGLAND, "2021", 100);
        publish(editor, id, BOSTON, "2021", 120);    // Similar -> Worse, by the area's new value
        publish(editor, id, ENGLAND, "2021", 118);   // Worse -> Similar, by England's revised value
        CsvHttp.Response imported = CsvHttp.onPort(port).as("boston-bc", "editor").importFile("tidy",
                "indicator,area,period,value\n" + id + "," + BOSTON + ",2022,150\n" + id + "," + ENGLAND + ",2022,100\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.<Integer>read("$.comparisonsChanged")).isEqualTo(1);   // Similar -> Worse, by the import

        String key = id + ":" + BOSTON;
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), Events.TOPIC)) {
            List<ConsumerRecord<String, byte[]>> seen = reader.readUntil(record -> key.equals(record.key())
                    && CHANGED.equals(TopicReader.header(record, "ce_type")) && new String(record.value()).contains("\"2022\""), Duration.ofSeconds(30));
            List<String> changes = seen.stream()
                    .filter(record -> key.equals(record.key()) && CHANGED.equals(TopicReader.header(record, "ce_type")))
                    .map(record -> new String(record.value()))
                    .map(data -> JsonPath.read(data, "$.previousOutcome") + "->" + JsonPath.read(data, "$.outcome") + " in "
                            + JsonPath.read(data, "$.period.label") + " against " + JsonPath.read(data, "$.benchmarkValue"))
                    .toList();
            assertThat(changes).containsExactly("SIMILAR->WORSE in 2021 against 100.0", "WORSE->SIMILAR in 2021 against 118.0",
                    "SIMILAR->WORSE in 2022 against 100.0");
            String importId = imported.read("$.importId");
            List<ConsumerRecord<String, byte[]>> ofImport = reader.readUntil(record -> importId.equals(record.key()), Duration.ofSeconds(30)).stream()
                    .filter(record -> importId.equals(record.key())).toList();
            assertThat(ofImport).extracting(record -> TopicReader.header(record, "ce_type")).containsExactly(IMPORTED);
            String summary = new String(ofImport.get(0).value());
            assertThat(JsonPath.<Integer>read(summary, "$.published")).isEqualTo(2);
            assertThat(JsonPath.<List<String>>read(summary, "$.areaCodes")).containsExactly(BOSTON, ENGLAND);
        }
    }

    @Test
    void changingAnIndicatorsPolarityJudgesItsComparisonsAndTargetsAgain() {
        GraphQlHttp editor = GraphQlHttp.onPort(port).as("boston-bc", "editor");
        String id = "test-satisfaction-" + ThreadLocalRandom.current().nextInt(1_000_000);
        editor.post("""
                mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { indicator { id } } }""",
                Map.of("input", Map.of("id", id, "name", "Test satisfaction " + id, "unit", "PERCENTAGE", "polarity", "HIGHER_IS_GOOD",
                        "ownerOrganisation", "boston-bc")));
        publish(editor, id, ENGLAND, "2021", 60);
        publish(editor, id, BOSTON, "2021", 70);      // Better than England
        GraphQlHttp.Response target = editor.post("""
                mutation($input: SetIndicatorTargetInput!) { setIndicatorTarget(input: $input) { target { verdict } } }""",
                Map.of("input", Map.of("indicatorId", id, "areaCode", BOSTON, "period", "2021", "target", 65)));
        assertThat(target.<String>read("$.data.setIndicatorTarget.target.verdict")).as(target.body()).isEqualTo("ACHIEVED");

        GraphQlHttp.Response updated = editor.post("""
                mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { indicator { polarity } } }""",
                Map.of("input", Map.of("id", id, "polarity", "LOWER_IS_GOOD")));
        assertThat(updated.<String>read("$.data.updateIndicator.indicator.polarity")).as(updated.body()).isEqualTo("LOWER_IS_GOOD");

        String key = id + ":" + BOSTON;
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), Events.TOPIC)) {
            List<ConsumerRecord<String, byte[]>> seen = reader.readUntil(record -> key.equals(record.key())
                    && MISSED.equals(TopicReader.header(record, "ce_type")), Duration.ofSeconds(30));
            List<String> changes = seen.stream()
                    .filter(record -> key.equals(record.key()) && CHANGED.equals(TopicReader.header(record, "ce_type")))
                    .map(record -> JsonPath.read(new String(record.value()), "$.previousOutcome") + "->" + JsonPath.read(new String(record.value()), "$.outcome"))
                    .toList();
            assertThat(changes).containsExactly("BETTER->WORSE");
            assertThat(seen).filteredOn(record -> key.equals(record.key()) && MISSED.equals(TopicReader.header(record, "ce_type"))).hasSize(1);
        }
        GraphQlHttp.Response compared = GraphQlHttp.onPort(port).post("""
                query($id: ID!) { compareIndicator(input: {indicatorId: $id, areaCode: "E07000136"}) { outcome } }""", Map.of("id", id));
        assertThat(compared.<String>read("$.data.compareIndicator.outcome")).isEqualTo("WORSE");
    }

    private static void publish(GraphQlHttp editor, String indicator, String area, String period, double value) {
        GraphQlHttp.Response response = editor.post("""
                mutation($input: PublishIndicatorValueInput!) { publishIndicatorValue(input: $input) { outcome } }""",
                Map.of("input", Map.of("indicatorId", indicator, "areaCode", area, "period", period, "value", value)));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
    }
}
