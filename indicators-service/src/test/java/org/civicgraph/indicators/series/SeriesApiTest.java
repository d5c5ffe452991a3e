package org.civicgraph.indicators.series;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.indicators.Events;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class SeriesApiTest {

    private static final String PUBLISH = """
            mutation($input: PublishIndicatorValueInput!) {
              publishIndicatorValue(input: $input) {
                outcome
                value { value provisional period { label type start end } revisions { value period { label } publishedBy } }
              } }""";
    private static final String SET_TARGET = """
            mutation($input: SetIndicatorTargetInput!) {
              setIndicatorTarget(input: $input) { target { target tolerance verdict actual { value } period { label } } } }""";
    private static final String BOSTON = "E07000136";

    @LocalServerPort
    int port;

    @Autowired
    AllSeries series;

    GraphQlHttp graphql;
    GraphQlHttp editor;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
        editor = graphql.as("boston-bc", "editor");
    }

    @Test
    void valuesListNewestPeriodFirstInPages() {
        String indicator = defineIndicator();
        for (String year : List.of("2019", "2021", "2020")) {
            editor.post(PUBLISH, publish(indicator, year, 50.0));
        }
        String query = """
                query($id: ID!, $after: String) { indicatorValues(indicatorId: $id, areaCode: "E07000136", first: 2, after: $after) {
                    edges { node { period { label } } } pageInfo { hasNextPage endCursor } } }""";

        GraphQlHttp.Response first = graphql.post(query, Map.of("id", indicator));
        Map<String, Object> next = new HashMap<>(Map.of("id", indicator));
        next.put("after", first.read("$.data.indicatorValues.pageInfo.endCursor"));
        GraphQlHttp.Response second = graphql.post(query, next);

        assertThat(first.<List<String>>read("$.data.indicatorValues.edges[*].node.period.label")).containsExactly("2021", "2020");
        assertThat(first.<Boolean>read("$.data.indicatorValues.pageInfo.hasNextPage")).isTrue();
        assertThat(second.<List<String>>read("$.data.indicatorValues.edges[*].node.period.label")).containsExactly("2019");
        assertThat(second.<Boolean>read("$.data.indicatorValues.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void publishedValuesArePublicAndAnUnavailableValueSaysWhy() {
        GraphQlHttp.Response response = graphql.post("""
                { indicatorValues(indicatorId: "life-satisfaction", areaCode: "E07000136", first: 5) {
                    edges { node { value unavailable unavailableReason period { label type start end } indicator { name } area { name } } } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        Map<String, Object> node = response.read("$.data.indicatorValues.edges[0].node");
        assertThat(node).containsEntry("value", null).containsEntry("unavailable", true)
                .containsEntry("unavailableReason", "Shown as Unavailable in the source table");
        assertThat(response.<String>read("$.data.indicatorValues.edges[0].node.period.label")).isEqualTo("04/2020- 03/2021");
        assertThat(response.<String>read("$.data.indicatorValues.edges[0].node.period.type")).isEqualTo("CUSTOM_RANGE");
        assertThat(response.<String>read("$.data.indicatorValues.edges[0].node.period.end")).isEqualTo("2021-03-31");
        assertThat(response.<String>read("$.data.indicatorValues.edges[0].node.area.name")).isEqualTo("Boston");
    }

    @Test
    void theOwnersEditorPublishesThenRevisesAValueKeepingTheFirstAndBothArePublished() {
        String indicator = defineIndicator();

        GraphQlHttp.Response published = editor.post(PUBLISH, publish(indicator, "2021 provisional", 12.5));
        GraphQlHttp.Response revised = editor.post(PUBLISH, publish(indicator, "2021", 13.0));
        GraphQlHttp.Response again = editor.post(PUBLISH, publish(indicator, "2021", 13.0));

        assertThat(published.<String>read("$.data.publishIndicatorValue.outcome")).as(published.body()).isEqualTo("PUBLISHED");
        assertThat(published.<Boolean>read("$.data.publishIndicatorValue.value.provisional")).isTrue();
        assertThat(revised.<String>read("$.data.publishIndicatorValue.outcome")).isEqualTo("REVISED");
        assertThat(revised.<Double>read("$.data.publishIndicatorValue.value.revisions[0].value")).isEqualTo(12.5);
        assertThat(revised.<String>read("$.data.publishIndicatorValue.value.revisions[0].period.label")).isEqualTo("2021 provisional");
        assertThat(revised.<Boolean>read("$.data.publishIndicatorValue.value.provisional")).isFalse();
        assertThat(again.<String>read("$.data.publishIndicatorValue.outcome")).isEqualTo("UNCHANGED");
        String key = indicator + ":" + BOSTON;
        ConsumerRecord<String, byte[]> first = Events.published(key, "org.civicgraph.indicators.value.published.v1");
        assertThat(TopicReader.header(first, "ce_subject")).isEqualTo("indicators/" + indicator + "/areas/" + BOSTON);
        assertThat(JsonPath.<Double>read(new String(first.value()), "$.value")).isEqualTo(12.5);
        String change = new String(Events.published(key, "org.civicgraph.indicators.value.revised.v1").value());
        assertThat(JsonPath.<String>read(change, "$.changes.value.old")).isEqualTo("12.5");
        assertThat(JsonPath.<String>read(change, "$.changes.value.new")).isEqualTo("13.0");
        assertThat(JsonPath.<String>read(change, "$.changedBy")).isEqualTo("test-user@boston-bc");
    }

    @Test
    void onlyEditorsOfTheIndicatorsOwnerPublishItsValues() {
        String indicator = defineIndicator();

        GraphQlHttp.Response stranger = graphql.as("west-lindsey-dc", "editor").post(PUBLISH, publish(indicator, "2021", 1.0));
        GraphQlHttp.Response viewer = graphql.as("boston-bc", "viewer").post(PUBLISH, publish(indicator, "2021", 1.0));
        GraphQlHttp.Response anonymous = graphql.post(PUBLISH, publish(indicator, "2021", 1.0));

        assertThat(stranger.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(viewer.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(anonymous.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(series.existsById(indicator + ":" + BOSTON)).isFalse();
    }

    @Test
    void invalidValuesAreRefusedNamingTheFieldAndNothingIsStored() {
        String indicator = defineIndicator();
        Map<String, Object> badPeriod = input(indicator, "last year", 1.0);
        Map<String, Object> unknownArea = input(indicator, "2021", 1.0);
        unknownArea.put("areaCode", "E07999999");
        Map<String, Object> valueAndUnavailable = input(indicator, "2021", 1.0);
        valueAndUnavailable.put("unavailableReason", "Suppressed");
        Map<String, Object> intervalMissesValue = input(indicator, "2021", 10.0);
        intervalMissesValue.put("lower95", 11.0);
        intervalMissesValue.put("upper95", 12.0);
        Map<String, Object> oneLimit = input(indicator, "2021", 10.0);
        oneLimit.put("upper95", 12.0);

        assertThat(fieldAtFault(badPeriod)).isEqualTo("period");
        assertThat(fieldAtFault(unknownArea)).isEqualTo("areaCode");
        assertThat(fieldAtFault(valueAndUnavailable)).isEqualTo("value");
        assertThat(fieldAtFault(intervalMissesValue)).isEqualTo("lower95");
        assertThat(fieldAtFault(oneLimit)).isEqualTo("lower95");
        assertThat(series.existsById(indicator + ":" + BOSTON)).isFalse();
    }

    @Test
    void aValueMissingItsTargetIsJudgedAndTheMissIsPublished() {
        String indicator = defineIndicator();
        GraphQlHttp.Response set = editor.post(SET_TARGET, Map.of("input",
                Map.of("indicatorId", indicator, "areaCode", BOSTON, "period", "2021/22", "target", 72, "tolerance", 1)));
        assertThat(set.<Object>read("$.data.setIndicatorTarget.target.verdict")).as(set.body()).isNull();

        editor.post(PUBLISH, Map.of("input", Map.of("indicatorId", indicator, "areaCode", BOSTON, "period", "2021/22", "value", 70)));

        GraphQlHttp.Response targets = graphql.post("""
                query($id: ID) { indicatorTargets(filter: {indicatorId: $id, verdict: NOT_ACHIEVED}, first: 5) {
                    edges { node { target tolerance verdict actual { value } indicator { id } } } } }""", Map.of("id", indicator));
        assertThat(targets.<List<String>>read("$.data.indicatorTargets.edges[*].node.verdict")).containsExactly("NOT_ACHIEVED");
        assertThat(targets.<Double>read("$.data.indicatorTargets.edges[0].node.actual.value")).isEqualTo(70.0);
        String missed = new String(Events.published(indicator + ":" + BOSTON, "org.civicgraph.indicators.targets.missed.v1").value());
        assertThat(JsonPath.<Double>read(missed, "$.target")).isEqualTo(72.0);
        assertThat(JsonPath.<Double>read(missed, "$.actual")).isEqualTo(70.0);
        assertThat(JsonPath.<String>read(missed, "$.verdict")).isEqualTo("NOT_ACHIEVED");
    }

    @Test
    void onlyEditorsOfTheIndicatorsOwnerSetItsTargets() {
        String indicator = defineIndicator();

        GraphQlHttp.Response stranger = graphql.as("west-lindsey-dc", "admin").post(SET_TARGET, Map.of("input",
                Map.of("indicatorId", indicator, "areaCode", BOSTON, "period", "2021/22", "target", 72)));
        GraphQlHttp.Response withoutFigure = editor.post(SET_TARGET, Map.of("input",
                Map.of("indicatorId", indicator, "areaCode", BOSTON, "period", "2021/22")));

        assertThat(stranger.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(withoutFigure.<String>read("$.errors[0].extensions.field")).isEqualTo("target");
        assertThat(series.existsById(indicator + ":" + BOSTON)).isFalse();
    }

    private String fieldAtFault(Map<String, Object> input) {
        GraphQlHttp.Response response = editor.post(PUBLISH, Map.of("input", input));
        assertThat(response.errorCodes()).as(response.body()).containsExactly("BAD_USER_INPUT");
        return response.read("$.errors[0].extensions.field");
    }

    private String defineIndicator() {
        String id = "test-series-" + ThreadLocalRandom.current().nextInt(1_000_000);
        GraphQlHttp.Response response = editor.post("""
                mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { indicator { id } } }""",
                Map.of("input", Map.of("id", id, "name", "Test percentage " + id, "unit", "PERCENTAGE", "polarity", "HIGHER_IS_GOOD",
                        "ownerOrganisation", "boston-bc")));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return id;
    }

    private static Map<String, Object> publish(String indicator, String period, double value) {
        return Map.of("input", input(indicator, period, value));
    }

    private static Map<String, Object> input(String indicator, String period, double value) {
        Map<String, Object> input = new HashMap<>();
        input.put("indicatorId", indicator);
        input.put("areaCode", BOSTON);
        input.put("period", period);
        input.put("value", value);
        return input;
    }
}
