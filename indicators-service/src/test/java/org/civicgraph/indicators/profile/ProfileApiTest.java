package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.MongoQueries;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ProfileApiTest {

    private static final String PROFILE = """
            query($code: ID!, $method: ComparisonMethod, $tolerance: Float) { area(code: $code) { code name type ancestors { code name type }
              profile(method: $method, tolerance: $tolerance) { areaCode benchmark method
                indicators { indicator { id } latest { value period { label } } comparison { outcome benchmark benchmarkValue score reason }
                             trend { points significance } target { verdict } }
                positive { indicator { id } } negative { indicator { id } } } } }""";
    private static final String LINCOLN = "E07000138";

    @LocalServerPort
    int port;

    @Autowired
    MongoQueries queries;

    GraphQlHttp graphql;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
    }

    @Test
    void lincolnAgainstEnglandWithinFivePercentListsItsPositiveAndNegativeIndicators() {
        GraphQlHttp.Response response = graphql.post(PROFILE, Map.of("code", LINCOLN));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.area.ancestors[0].name")).isEqualTo("Lincolnshire");
        assertThat(response.<String>read("$.data.area.profile.benchmark")).isEqualTo("E92000001");
        assertThat(response.<String>read("$.data.area.profile.method")).isEqualTo("TOLERANCE_BAND");
        assertThat(response.<List<Object>>read("$.data.area.profile.indicators")).hasSize(15);
        assertThat(response.<List<String>>read("$.data.area.profile.negative[*].indicator.id")).containsExactlyInAnyOrder(
                "gva-per-hour-worked", "gross-median-weekly-pay", "employment-rate-16-64", "gigabit-broadband-premises",
                "adults-smoking-cigarettes", "children-4-5-overweight-obesity", "anxiety");
        assertThat(response.<List<String>>read("$.data.area.profile.positive[*].indicator.id")).containsExactlyInAnyOrder(
                "travel-time-employment-centre-public-transport-walk", "travel-time-employment-centre-cycle",
                "travel-time-employment-centre-car", "adults-overweight-obesity");
        Map<String, Object> pay = entry(response, "gross-median-weekly-pay");
        assertThat(pay).extracting("latest").extracting("value").isEqualTo(435.5);
        assertThat(pay).extracting("comparison").extracting("benchmarkValue").isEqualTo(507.9);
        assertThat(pay).extracting("trend").extracting("significance").isEqualTo("CANNOT_BE_CALCULATED");
    }

    @Test
    void withinTheCountysDistrictsLincolnsEmploymentRateIsANotablyLowRobustZScore() {
        GraphQlHttp.Response response = graphql.post(PROFILE, Map.of("code", LINCOLN, "method", "ROBUST_Z_SCORE"));

        Map<String, Object> comparison = (Map<String, Object>) entry(response, "employment-rate-16-64").get("comparison");
        assertThat(comparison).containsEntry("outcome", "WORSE").containsEntry("benchmark", "areas within E10000019");
        assertThat(((Number) comparison.get("benchmarkValue")).doubleValue()).isEqualTo(72.5);
        assertThat(((Number) comparison.get("score")).doubleValue()).isCloseTo(-1.99282, within(1e-5));
    }

    @Test
    void theConfidenceIntervalMethodsSayWhyTheyCannotCompareValuesWithoutLimits() {
        GraphQlHttp.Response response = graphql.post(PROFILE, Map.of("code", LINCOLN, "method", "CI_OVERLAP_95"));

        assertThat(response.<List<String>>read("$.data.area.profile.indicators[*].comparison.outcome")).containsOnly("NOT_COMPARED");
        assertThat(response.<List<String>>read("$.data.area.profile.indicators[*].comparison.reason")).allMatch(r -> r.contains("95% confidence interval"));
    }

    @Test
    void aProfileCostsTheSameFewQueriesWhateverTheNumberOfIndicators() {
        int lincolnshire = reads("E10000019", "TOLERANCE_BAND", 20);
        int lincoln = reads(LINCOLN, "TOLERANCE_BAND", 15);
        int leicestershire = reads("E10000018", "TOLERANCE_BAND", 0);
        int lincolnInItsGroup = reads(LINCOLN, "QUINTILES", 15);

        // the area, which indicators it has, its series, the benchmark's series and the definitions; without any, the first two
        assertThat(lincolnshire).isEqualTo(lincoln).isEqualTo(5);
        assertThat(leicestershire).isEqualTo(2);
        // the group's members and their series instead of the benchmark's series
        assertThat(lincolnInItsGroup).isEqualTo(6);
    }

    @Test
    void theProfilesOfSevenDistrictsCostNoMoreQueriesThanOne() {
        String districts = """
                query($first: Int) { areas(filter: {parentCode: "E10000019"}, first: $first) { edges { node {
                    profile(method: ROBUST_Z_SCORE) { negative { indicator { id } } } } } } }""";

        int one = queries.during(() -> graphql.post(districts, Map.of("first", 1))).size();
        int seven = queries.during(() -> assertThat(graphql.post(districts, Map.of("first", 7))
                .<List<Object>>read("$.data.areas.edges")).hasSize(7)).size();

        assertThat(seven).isEqualTo(one).isLessThanOrEqualTo(6);
    }

    @Test
    void theGatewayReachesTheProfileThroughTheAreaEntity() {
        GraphQlHttp.Response response = graphql.post("""
                { _entities(representations: [{__typename: "Area", code: "E10000019"}]) {
                    ... on Area { name profile { indicators { indicator { id } target { verdict reportedVerdict } } } } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<List<String>>read("$.data._entities[0].profile.indicators[*].indicator.id")).contains("good-level-of-development", "still-birth-rate");
    }

    @Test
    void compareIndicatorJudgesOnePeriodByAnyMethod() {
        GraphQlHttp.Response response = graphql.post("""
                { compareIndicator(input: {indicatorId: "gross-median-weekly-pay", areaCode: "E07000136", period: "2021", method: QUINTILES}) {
                    method outcome score benchmark benchmarkValue } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.compareIndicator.outcome")).isEqualTo("WORSE");
        assertThat(response.<Double>read("$.data.compareIndicator.score")).isEqualTo(2.0);
        assertThat(response.<Double>read("$.data.compareIndicator.benchmarkValue")).isEqualTo(485.6);
    }

    @Test
    void redRedFindsWhatIsWorseThanEnglandAndGettingWorse() {
        GraphQlHttp editor = graphql.as("west-lindsey-dc", "editor");
        String id = "test-red-red-" + ThreadLocalRandom.current().nextInt(1_000_000);
        editor.post("""
                mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { indicator { id } } }""",
                Map.of("input", Map.of("id", id, "name", "Test emergency admissions", "unit", "RATE_PER_100000",
                        "polarity", "LOWER_IS_GOOD", "ownerOrganisation", "west-lindsey-dc")));
        publish(editor, id, "E92000001", "2021", 100);
        publish(editor, id, "E07000142", "2019", 110); // West Lindsey: worse than England and rising
        publish(editor, id, "E07000142", "2020", 120);
        publish(editor, id, "E07000142", "2021", 130);
        publish(editor, id, "E07000141", "2020", 140); // South Kesteven: worse but falling
        publish(editor, id, "E07000141", "2021", 125);

        GraphQlHttp.Response response = graphql.post("""
                { redRed(filter: {parentCode: "E10000019"}, first: 50) {
                    edges { node { area { code } entry { indicator { id } comparison { outcome } trend { assessment points } } } } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        List<String> areas = response.read("$.data.redRed.edges[?(@.node.entry.indicator.id == '" + id + "')].node.area.code");
        assertThat(areas).containsExactly("E07000142");
        // the defaults are read from the red-red series each area lists; other settings judge every series: the same findings
        String findings = """
                query($tolerance: Float) { redRed(filter: {parentCode: "E10000019"}, tolerance: $tolerance, first: 100) {
                    edges { node { area { code } entry { indicator { id } comparison { outcome score } trend { assessment points } } } } } }""";
        GraphQlHttp.Response listed = graphql.post(findings, Map.of("tolerance", 5.0));
        GraphQlHttp.Response judged = graphql.post(findings, Map.of("tolerance", 5.000001));
        assertThat(listed.<List<Object>>read("$.data.redRed.edges")).isNotEmpty();
        assertThat(listed.<List<Object>>read("$.data.redRed.edges")).isEqualTo(judged.read("$.data.redRed.edges"));
        GraphQlHttp.Response significantOnly = graphql.post("""
                { redRed(filter: {parentCode: "E10000019"}, significantOnly: true, first: 50) { edges { node { area { code } } } } }""");
        assertThat(significantOnly.<List<Object>>read("$.data.redRed.edges")).isEmpty();
    }

    private void publish(GraphQlHttp editor, String indicator, String area, String period, double value) {
        GraphQlHttp.Response response = editor.post("""
                mutation($input: PublishIndicatorValueInput!) { publishIndicatorValue(input: $input) { outcome } }""",
                Map.of("input", Map.of("indicatorId", indicator, "areaCode", area, "period", period, "value", value)));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
    }

    private int reads(String area, String method, int indicators) {
        List<MongoQueries.Read> reads = queries.during(() -> assertThat(graphql.post("""
                query($code: ID!, $method: ComparisonMethod) { area(code: $code) { profile(method: $method) {
                    indicators { indicator { name } latest { value } comparison { outcome } trend { direction } target { verdict } } } } }""",
                Map.of("code", area, "method", method)).<List<Object>>read("$.data.area.profile.indicators")).hasSize(indicators));
        return reads.size();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(GraphQlHttp.Response response, String indicator) {
        List<Map<String, Object>> entries = response.read("$.data.area.profile.indicators[?(@.indicator.id == '" + indicator + "')]");
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
