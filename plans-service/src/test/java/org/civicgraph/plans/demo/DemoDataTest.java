package org.civicgraph.plans.demo;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data against the source documents in shared/seeds: counts, and exact values quoted from the seeds.
 * 000 and 001 are Lincolnshire's 2021/22 Q2 progress report and 2020/21 Q4 exception report, 003 the districts'
 * health and wellbeing strategy, 004 Leicestershire's strategic plan.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class DemoDataTest {

    private static final String LINCOLNSHIRE = "lincolnshire-cc-corporate-plan";
    private static final String DISTRICTS = "lincolnshire-districts-health-wellbeing-strategy";
    private static final String LEICESTERSHIRE = "leicestershire-cc-strategic-plan-2022-26";
    private static final String ACTIVITY = """
            query($plan: ID!, $ref: String!, $theme: ID, $year: String) { activity(planId: $plan, reference: $ref, theme: $theme, referenceYear: $year) {
              id reference referenceYear description outputs partnerOrganisations formerReferences { reference financialYear }
              theme { title } objective { title successMeasures }
              milestones { id text dueDate status revisedDueDate }
              history(first: 10) { edges { node { period status explanation } } } } }""";
    private static final String SUMMARY = """
            query($plan: ID!, $period: String!) { ragSummary(planId: $plan, period: $period) {
              counts { activities notReported statuses { label count } }
              themes { theme { title } counts { activities notReported statuses { label count } } objectives { objective { key } } } } }""";

    @LocalServerPort
    int port;

    GraphQlHttp graphql;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
    }

    @Test
    void everyActivityOfSeed000HasItsObjectiveMilestonesAndRagFor2021Q2() {
        GraphQlHttp.Response a9 = activity(LINCOLNSHIRE, "A9", null, null);
        GraphQlHttp.Response summary = graphql.post(SUMMARY, Map.of("plan", LINCOLNSHIRE, "period", "2021/22 Q2"));

        assertThat(a9.<String>read("$.data.activity.description")).isEqualTo("We will support our market towns to thrive, delivering regeneration with our partners.");
        assertThat(a9.<String>read("$.data.activity.theme.title")).isEqualTo("Support high aspirations");
        assertThat(a9.<String>read("$.data.activity.objective.title")).isEqualTo("Deliver economic growth to create and sustain vibrant communities");
        assertThat(a9.<String>read("$.data.activity.milestones[0].text")).isEqualTo("Deliver Pilgrim Fathers Memorial, Frieston. July 2021");
        assertThat(a9.<String>read("$.data.activity.milestones[0].dueDate")).isEqualTo("2021-07-31");
        assertThat(a9.<List<String>>read("$.data.activity.history.edges[*].node.status")).containsExactly("Green");
        assertThat(a9.<List<String>>read("$.data.activity.history.edges[*].node.period")).containsExactly("2021/22 Q2");
        assertThat(summary.<Integer>read("$.data.ragSummary.counts.activities")).as("36 in seed 000, 13 more in seed 001 only").isEqualTo(49);
        assertThat(statusCounts(summary, "$.data.ragSummary.counts")).isEqualTo(Map.of("Green", 8, "Amber", 28, "Red", 0, "none", 13));
        assertThat(statusCounts(summary, "$.data.ragSummary.themes[0].counts")).isEqualTo(Map.of("Green", 1, "Amber", 8, "Red", 0, "none", 3));
        assertThat(activity(LINCOLNSHIRE, "A17", null, null).<List<String>>read("$.data.activity.milestones[*].text")).hasSize(6)
                .startsWith("May 2021 - Establish Board for the Improvement and Development Programme");
    }

    @Test
    void everyBehindPlanActivityOfSeed001HasItsMilestonesAndExplanationFor2020Q4() {
        GraphQlHttp.Response report = graphql.post("""
                { exceptionReport(planId: "lincolnshire-cc-corporate-plan", period: "Q4 (January- March 2021)") {
                  counts { behindPlan notReported missingExplanations overdueMilestones }
                  behindPlan(first: 100) { edges { node { activity { reference referenceYear } update { status } } } } } }""");
        GraphQlHttp.Response a22 = activity(LINCOLNSHIRE, "A22", null, null);

        assertThat(report.<Map<String, Integer>>read("$.data.exceptionReport.counts"))
                .isEqualTo(Map.of("behindPlan", 18, "notReported", 31, "missingExplanations", 0, "overdueMilestones", 8));
        assertThat(report.<List<String>>read("$.data.exceptionReport.behindPlan.edges[*].node.update.status")).containsOnly("Red");
        assertThat(a22.<String>read("$.data.activity.referenceYear")).isEqualTo("2020/21");
        assertThat(a22.<String>read("$.data.activity.milestones[0].text")).isEqualTo("District councils appoint shared post to develop work programme by 31 March 2021.");
        assertThat(a22.<String>read("$.data.activity.milestones[0].status")).isEqualTo("MISSED");
        assertThat(a22.<String>read("$.data.activity.milestones[0].revisedDueDate")).as("'rescheduled to 30 September 2021'").isEqualTo("2021-09-30");
        assertThat(a22.<String>read("$.data.activity.history.edges[0].node.explanation"))
                .startsWith("The role and job description for a Strategic Lead - Enabling Healthy and Accessible Homes has been consulted on")
                .endsWith("refocusing the Moving Forward with Disabled Facilities Grants (DFG) Group.");
    }

    @Test
    void activitiesNumberedDifferentlyInTheTwoReportsAreOneActivityFoundByEitherReference() {
        GraphQlHttp.Response current = activity(LINCOLNSHIRE, "A2", null, null);
        GraphQlHttp.Response former = activity(LINCOLNSHIRE, "A4", null, "2020/21");
        GraphQlHttp.Response a5Now = activity(LINCOLNSHIRE, "A5", null, null);
        GraphQlHttp.Response a5Then = activity(LINCOLNSHIRE, "A5", null, "2020/21");

        assertThat(current.<String>read("$.data.activity.description"))
                .isEqualTo("We will develop effective county-wide relationships between the education and business sectors to attract and retain graduates in the county.");
        assertThat(former.<String>read("$.data.activity.id")).isEqualTo(current.read("$.data.activity.id"));
        assertThat(current.<List<Map<String, String>>>read("$.data.activity.formerReferences")).containsExactly(Map.of("reference", "A4", "financialYear", "2020/21"));
        assertThat(current.<List<String>>read("$.data.activity.history.edges[*].node.status")).as("newest first").containsExactly("Amber", "Red");
        assertThat(current.<String>read("$.data.activity.history.edges[1].node.explanation")).endsWith("Delayed due to staffing issues.");
        assertThat(a5Now.<String>read("$.data.activity.description")).startsWith("We will complete a comprehensive workforce strategy");
        assertThat(a5Then.<String>read("$.data.activity.description")).startsWith("We will increase the number of apprenticeships");
        assertThat(a5Then.<String>read("$.data.activity.id")).isEqualTo(LINCOLNSHIRE + "/2020-21/A5");
    }

    @Test
    void theDistrictStrategyHasFiveLeverAreasWithTheirObjectivesActivitiesOutputsAndPartners() {
        GraphQlHttp.Response summary = graphql.post(SUMMARY, Map.of("plan", DISTRICTS, "period", "2024/25 Q1"));
        GraphQlHttp.Response housing11 = activity(DISTRICTS, "1.1", "housing-and-homelessness", null);
        GraphQlHttp.Response ambiguous = activity(DISTRICTS, "1.1", null, null);
        GraphQlHttp.Response plan = graphql.post("""
                { plan(id: "lincolnshire-districts-health-wellbeing-strategy") { referenceScope themes { key description partnerOrganisations } } }""");

        assertThat(summary.<List<String>>read("$.data.ragSummary.themes[*].theme.title"))
                .containsExactly("Housing and homelessness", "Activity and wellbeing", "Environment and climate", "Economic inclusion", "Working with Communities");
        assertThat(summary.<List<Integer>>read("$.data.ragSummary.themes[*].counts.activities")).containsExactly(20, 23, 34, 23, 21);
        assertThat(summary.<List<String>>read("$.data.ragSummary.themes[*].objectives[*].objective.key")).hasSize(45);
        assertThat(housing11.<String>read("$.data.activity.description"))
                .isEqualTo("Focus county coordinator resource to bring districts and wider partners together to ensure a reduction in levels of homelessness");
        assertThat(housing11.<List<String>>read("$.data.activity.outputs")).containsExactly(
                "Facilitated review of homelessness pressures leading to a clear homelessness and rough sleeping strategy and action plan adopted by all partners");
        assertThat(ambiguous.<String>read("$.errors[0].extensions.field")).isEqualTo("theme");
        assertThat(plan.<String>read("$.data.plan.referenceScope")).isEqualTo("THEME");
        assertThat(plan.<String>read("$.data.plan.themes[3].description"))
                .isEqualTo("Reducing economic inequality and alleviating poverty as a fundamental driver for improving mental and physical health and wellbeing");
        assertThat(plan.<List<String>>read("$.data.plan.themes[3].partnerOrganisations"))
                .contains("boston-bc", "lincolnshire-cc", "greater-lincolnshire-lep", "department-for-work-and-pensions", "federation-of-small-businesses", "university-of-lincoln")
                .hasSize(25);
        assertThat(plan.<List<String>>read("$.data.plan.themes[4].partnerOrganisations")).contains("arts-council-england", "lincolnshire-pcc", "parish-and-town-councils");
    }

    @Test
    void leicestershiresOutcomesHaveTheirSubOutcomesSuccessMeasuresAndCommitments() {
        GraphQlHttp.Response summary = graphql.post(SUMMARY, Map.of("plan", LEICESTERSHIRE, "period", "2022/23 Q1"));
        GraphQlHttp.Response childcare = activity(LEICESTERSHIRE, "3.1.2", null, null);
        GraphQlHttp.Response measures = graphql.post("""
                { plan(id: "leicestershire-cc-strategic-plan-2022-26") { themes { objectives { successMeasures } } } }""");

        assertThat(summary.<List<String>>read("$.data.ragSummary.themes[*].theme.title")).hasSize(6).startsWith("Clean, Green Future");
        assertThat(summary.<List<String>>read("$.data.ragSummary.themes[*].objectives[*].objective.key")).hasSize(26);
        assertThat(summary.<Integer>read("$.data.ragSummary.counts.activities")).as("commitments").isEqualTo(44);
        assertThat(measures.<List<String>>read("$.data.plan.themes[*].objectives[*].successMeasures[*]")).hasSize(51)
                .contains("Leicestershire is on track to deliver the 187,096 new dwellings that it is estimated will be needed by 2050");
        assertThat(childcare.<String>read("$.data.activity.description"))
                .isEqualTo("Support families to access free childcare, protect and strengthen Children and Family Wellbeing Centres");
        assertThat(childcare.<String>read("$.data.activity.objective.title")).isEqualTo("Every child gets the best start in life");
        assertThat(childcare.<List<String>>read("$.data.activity.objective.successMeasures")).containsExactly(
                "Integrated and collaborative work to support pre-school children and their families",
                "Increase in the % of children achieving a good level of development at foundation stage");
    }

    @Test
    void theGatewaysQueriesFindPlansAndActivitiesByAreaAndOrganisation() {
        GraphQlHttp.Response plans = graphql.post("""
                query($a: String) { plans(filter: {area: $a}, first: 100) { edges { node { id title ownerOrganisation kind period } } } }""",
                Map.of("a", "E07000137"));
        GraphQlHttp.Response eastLindsey = graphql.post("""
                query($a: String) { activities(filter: {area: $a, planId: "lincolnshire-cc-corporate-plan"}, first: 100) { edges { node { reference referenceYear } } } }""",
                Map.of("a", "E07000137"));
        GraphQlHttp.Response sportEngland = graphql.post("""
                { activities(filter: {organisation: "sport-england", planId: "lincolnshire-districts-health-wellbeing-strategy"}, first: 100) {
                  edges { node { planId theme { key } } } } }""");

        assertThat(plans.<List<String>>read("$.data.plans.edges[*].node.id")).contains(DISTRICTS);
        assertThat(eastLindsey.<List<String>>read("$.data.activities.edges[*].node.reference")).containsExactly("A2", "A2");
        assertThat(eastLindsey.<List<String>>read("$.data.activities.edges[*].node.referenceYear")).containsExactlyInAnyOrder(null, "2020/21");
        assertThat(sportEngland.<List<String>>read("$.data.activities.edges[*].node.theme.key"))
                .as("partner of two lever areas").hasSize(44).containsOnly("activity-and-wellbeing", "working-with-communities");
    }

    private GraphQlHttp.Response activity(String plan, String reference, String theme, String year) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("plan", plan, "ref", reference));
        variables.put("theme", theme);
        variables.put("year", year);
        GraphQlHttp.Response response = graphql.post(ACTIVITY, variables);
        if (theme != null || !reference.equals("1.1")) {
            assertThat(response.hasErrors()).as(response.body()).isFalse();
        }
        return response;
    }

    private static Map<String, Integer> statusCounts(GraphQlHttp.Response response, String path) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> statuses = response.read(path + ".statuses");
        statuses.forEach(status -> counts.put((String) status.get("label"), (Integer) status.get("count")));
        counts.put("none", response.read(path + ".notReported"));
        return counts;
    }
}
