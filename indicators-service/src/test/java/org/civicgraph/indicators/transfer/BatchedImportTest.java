package org.civicgraph.indicators.transfer;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.indicators.Events;
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
 * An import applied in batches of three rows, each batch written while the next is read: a series whose rows fall in
 * two batches keeps all of them, a revision keeps the value before, and the comparisons the import moves are announced.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {"civicgraph.demo-data.enabled=true", "civicgraph.indicators.imports.batch-size=3"})
class BatchedImportTest {

    private static final String CHANGED = "org.civicgraph.indicators.comparison.changed.v1";
    private static final String IMPORTED = "org.civicgraph.indicators.values.imported.v1";
    private static final String BOSTON = "E07000136";
    private static final String EAST_LINDSEY = "E07000137";
    private static final String ENGLAND = "E92000001";
    private static final String VALUES = """
            query($id: ID!, $area: ID!) { indicatorValues(indicatorId: $id, areaCode: $area, first: 10) { edges { node {
                value period { label } revisions { value } } } } }""";

    @LocalServerPort
    int port;

    @Test
    void everyRowOfAManyBatchImportIsAppliedOnceWithRevisionsKeptAndMovesAnnounced() {
        GraphQlHttp graphql = GraphQlHttp.onPort(port);
        CsvHttp editor = CsvHttp.onPort(port).as("boston-bc", "editor");
        String id = "test-batched-" + ThreadLocalRandom.current().nextInt(1_000_000);
        GraphQlHttp.Response defined = graphql.as("boston-bc", "editor").post("""
                mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { indicator { id } } }""",
                Map.of("input", Map.of("id", id, "name", "Test admissions " + id, "unit", "RATE_PER_100000", "polarity", "LOWER_IS_GOOD",
                        "ownerOrganisation", "boston-bc")));
        assertThat(defined.hasErrors()).as(defined.body()).isFalse();
        CsvHttp.Response first = editor.importFile("tidy", "indicator,area,period,value\n"
                + row(id, ENGLAND, "2019", 100) + row(id, ENGLAND, "2020", 100) + row(id, BOSTON, "2019", 101) + row(id, BOSTON, "2020", 102));
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        // England's two rows are one batch, applied first; then Boston's three, then East Lindsey's four in two batches
        CsvHttp.Response second = editor.importFile("tidy", "indicator,area,period,value\n"
                + row(id, BOSTON, "2019", 99) + row(id, BOSTON, "2021", 140) + row(id, BOSTON, "2022", 150)
                + row(id, EAST_LINDSEY, "2019", 90) + row(id, EAST_LINDSEY, "2020", 91) + row(id, EAST_LINDSEY, "2021", 92)
                + row(id, EAST_LINDSEY, "2022", 93) + row(id, ENGLAND, "2021", 100) + row(id, ENGLAND, "2022", 100));

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.<Integer>read("$.published")).isEqualTo(8);
        assertThat(second.<Integer>read("$.revised")).isEqualTo(1);
        assertThat(second.<Integer>read("$.comparisonsChanged")).isEqualTo(1);
        GraphQlHttp.Response eastLindsey = graphql.post(VALUES, Map.of("id", id, "area", EAST_LINDSEY));
        assertThat(eastLindsey.<List<Double>>read("$.data.indicatorValues.edges[*].node.value")).containsExactly(93.0, 92.0, 91.0, 90.0);
        GraphQlHttp.Response boston = graphql.post(VALUES, Map.of("id", id, "area", BOSTON));
        assertThat(boston.<List<String>>read("$.data.indicatorValues.edges[*].node.period.label")).containsExactly("2022", "2021", "2020", "2019");
        assertThat(boston.<Double>read("$.data.indicatorValues.edges[3].node.value")).isEqualTo(99.0);
        assertThat(boston.<List<Double>>read("$.data.indicatorValues.edges[3].node.revisions[*].value")).containsExactly(101.0);

        String key = id + ":" + BOSTON;
        String importId = second.read("$.importId");
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), Events.TOPIC)) {
            reader.readUntil(record -> importId.equals(record.key()), Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> seen = reader.readUntil(record -> key.equals(record.key())
                            && CHANGED.equals(TopicReader.header(record, "ce_type")), Duration.ofSeconds(30)).stream()
                    .filter(record -> key.equals(record.key()) || importId.equals(record.key()))
                    .toList();
            List<String> changes = seen.stream().filter(record -> CHANGED.equals(TopicReader.header(record, "ce_type")))
                    .map(record -> new String(record.value()))
                    .map(data -> JsonPath.read(data, "$.previousOutcome") + "->" + JsonPath.read(data, "$.outcome") + " in " + JsonPath.read(data, "$.period.label"))
                    .toList();
            assertThat(changes).containsExactly("SIMILAR->WORSE in 2022");
            List<String> summaries = seen.stream().filter(record -> IMPORTED.equals(TopicReader.header(record, "ce_type")))
                    .map(record -> new String(record.value())).toList();
            assertThat(summaries).hasSize(1);
            assertThat(JsonPath.<Integer>read(summaries.get(0), "$.published")).isEqualTo(8);
            assertThat(JsonPath.<List<String>>read(summaries.get(0), "$.areaCodes")).containsExactly(BOSTON, EAST_LINDSEY, ENGLAND);
        }
    }

    private static String row(String id, String area, String period, double value) {
        return id + "," + area + "," + period + "," + value + "\n";
    }
}
