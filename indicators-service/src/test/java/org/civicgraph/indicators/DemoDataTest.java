package org.civicgraph.indicators;

import org.civicgraph.indicators.indicator.Indicator;
import org.civicgraph.indicators.series.PublishedValue;
import org.civicgraph.indicators.series.Series;
import org.civicgraph.indicators.series.Target;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data built from seeds 002 and 003: counts, and exact values read back over the API. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class DemoDataTest {

    private static final List<String> DEMO_OWNERS = List.of("lincolnshire-districts", "lincolnshire-cc");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void fifteenLevellingUpIndicatorsSixteenLifeCourseMeasuresAndSixAppendixAMeasures() {
        List<Indicator> indicators = mongo.find(Query.query(Criteria.where("ownerOrganisation").in(DEMO_OWNERS)), Indicator.class);

        assertThat(indicators).filteredOn(i -> i.getSource().contains("section 6.1")).hasSize(15);
        assertThat(indicators).filteredOn(i -> i.getSource().contains("section 6.2")).hasSize(16)
                .allMatch(i -> i.getLifeStage() != null);
        assertThat(indicators).filteredOn(i -> i.getOwnerOrganisation().equals("lincolnshire-cc")).hasSize(6)
                .allMatch(i -> i.getSource().contains("Appendix A"));
    }

    @Test
    void eightAreasForEachLevellingUpIndicatorFourteenLifeCourseBaselinesAndSixActuals() {
        List<Series> series = mongo.find(Query.query(Criteria.where("indicatorId").in(demoIndicatorIds())), Series.class);
        List<PublishedValue> values = series.stream().flatMap(s -> s.values().stream()).toList();

        assertThat(values).hasSize(15 * 8 + 14 + 6);
        assertThat(values).filteredOn(PublishedValue::unavailable).hasSize(4)
                .allMatch(v -> v.areaCode().equals("E07000136") && v.unavailableReason().equals("Shown as Unavailable in the source table"));
        assertThat(values).filteredOn(v -> v.period().label().equals("23/24")).hasSize(14).allMatch(v -> v.areaCode().equals("E10000019"));
        assertThat(values).allMatch(v -> v.revisions().isEmpty());
        assertThat(series.stream().flatMap(s -> s.targets().stream()).toList()).hasSize(6);
    }

    @Test
    void levellingUpValuesKeepTheirPeriodsAndUnitsAsGiven() {
        GraphQlHttp graphql = GraphQlHttp.onPort(port);

        assertThat(latest(graphql, "gva-per-hour-worked", "E07000136")).containsEntry("value", 25.9).containsEntry("label", "2019")
                .containsEntry("type", "CALENDAR_YEAR").containsEntry("unit", "POUNDS");
        assertThat(latest(graphql, "gross-median-weekly-pay", "E92000001")).containsEntry("value", 507.9)
                .containsEntry("label", "2021 provisional").containsEntry("provisional", true);
        assertThat(latest(graphql, "gigabit-broadband-premises", "E07000142")).containsEntry("value", 20.3).containsEntry("label", "May-21")
                .containsEntry("type", "MONTH").containsEntry("unit", "PERCENTAGE");
        assertThat(latest(graphql, "adults-smoking-cigarettes", "E07000140")).containsEntry("value", 15.2)
                .containsEntry("label", "04/2020- 12/2020").containsEntry("type", "CUSTOM_RANGE");
        assertThat(latest(graphql, "children-4-5-overweight-obesity", "E07000139")).containsEntry("value", 22.4)
                .containsEntry("label", "2019/2020").containsEntry("type", "FINANCIAL_YEAR");
        assertThat(latest(graphql, "travel-time-employment-centre-car", "E07000137")).containsEntry("value", 10.3).containsEntry("unit", "MINUTES");
        assertThat(latest(graphql, "anxiety", "E07000141")).containsEntry("value", 2.9).containsEntry("unit", "RATING_0_10");
        assertThat(latest(graphql, "happiness", "E07000136")).containsEntry("value", null).containsEntry("unavailable", true);
    }

    @Test
    void lifeCourseMeasuresKeepTheir2324ValuesAndLeverAreaMarks() {
        GraphQlHttp graphql = GraphQlHttp.onPort(port);

        assertThat(latest(graphql, "still-birth-rate", "E10000019")).containsEntry("value", 16.0).containsEntry("label", "23/24")
                .containsEntry("type", "FINANCIAL_YEAR");
        assertThat(latest(graphql, "social-prescribing-referrals", "E10000019")).containsEntry("value", 12194.0);
        assertThat(latest(graphql, "maternal-smoking-at-delivery", "E10000019")).containsEntry("value", 10.9).containsEntry("unit", "PERCENTAGE");
        GraphQlHttp.Response marks = graphql.post("""
                { neonatal: indicator(id: "neonatal-mortality-rate") { lifeStage leverAreas }
                  diabetes: indicator(id: "diabetes-prevention-programme") { leverAreas }
                  choice: indicator(id: "dying-in-place-of-choice") { lifeStage leverAreas } }""");
        assertThat(marks.<String>read("$.data.neonatal.lifeStage")).isEqualTo("START_WELL");
        assertThat(marks.<List<String>>read("$.data.neonatal.leverAreas")).containsExactly(
                "HOUSING_AND_HOMELESSNESS", "ENVIRONMENT_AND_CLIMATE", "ECONOMIC_INCLUSION", "WORKING_WITH_COMMUNITIES");
        assertThat(marks.<List<String>>read("$.data.diabetes.leverAreas")).isEmpty();
        assertThat(marks.<String>read("$.data.choice.lifeStage")).isEqualTo("DIE_WELL");
        assertThat(marks.<List<String>>read("$.data.choice.leverAreas")).containsExactly("HOUSING_AND_HOMELESSNESS", "WORKING_WITH_COMMUNITIES");
    }

    @Test
    void appendixATargetsGiveTheReportsVerdicts() {
        List<Target> targets = mongo.find(Query.query(Criteria.where("areaCode").is("E10000019").and("targets.0").exists(true)), Series.class)
                .stream().flatMap(s -> s.targets().stream()).toList();

        assertThat(targets).hasSize(6).allMatch(t -> t.period().label().equals("2017/18"));
        Target gld = targets.stream().filter(t -> t.indicatorId().equals("good-level-of-development")).findFirst().orElseThrow();
        assertThat(gld.target()).isEqualTo(72.0);
        assertThat(gld.actual().value()).isEqualTo(70.0);
        assertThat(gld.verdict()).hasToString("NOT_ACHIEVED");
        // where the report gives the target figure, the verdict worked out here is the report's
        assertThat(targets).filteredOn(t -> t.target() != null).hasSize(3).allMatch(t -> t.verdict() == t.reportedVerdict());
        assertThat(targets).filteredOn(t -> t.target() == null).hasSize(3)
                .allMatch(t -> t.verdict() == null && t.reportedVerdict().name().equals("ACHIEVED"));
    }

    private List<String> demoIndicatorIds() {
        return mongo.find(Query.query(Criteria.where("ownerOrganisation").in(DEMO_OWNERS)), Indicator.class).stream().map(Indicator::getId).toList();
    }

    private static Map<String, Object> latest(GraphQlHttp graphql, String indicator, String area) {
        GraphQlHttp.Response response = graphql.post("""
                query($i: ID!, $a: ID!) { indicatorValues(indicatorId: $i, areaCode: $a, first: 1) {
                    edges { node { value provisional unavailable period { label type } indicator { unit } } } } }""",
                Map.of("i", indicator, "a", area));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        Map<String, Object> node = response.read("$.data.indicatorValues.edges[0].node");
        Map<String, Object> flat = new java.util.HashMap<>(node);
        flat.putAll(response.read("$.data.indicatorValues.edges[0].node.period"));
        flat.put("unit", response.read("$.data.indicatorValues.edges[0].node.indicator.unit"));
        return flat;
    }
}
