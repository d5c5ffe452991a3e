package org.civicgraph.plans.report;

import org.bson.Document;
import org.civicgraph.plans.MongoRoundTrips;
import org.civicgraph.plans.PlansApi;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.plans.PlansApi.activity;
import static org.civicgraph.plans.PlansApi.report;
import static org.civicgraph.plans.PlansApi.with;

/**
 * Reports on a plan of six activities with known updates for 2024/25 Q1 (on the Northshire scale, Red behind plan):
 * A1 Green, A2 Red, A3 Amber, A4 none (objectives people-1 and people-2); B1 Green corrected to Red, B2 Amber (place-1).
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ReportApiTest {

    private static final String OWNER = "south-kesteven-dc";
    private static final String Q1 = "2024/25 Q1";
    private static final String COUNTS = "activities reported notReported statuses { label behindPlan count }";
    private static final String SUMMARY = """
            query($plan: ID!, $period: String!) { ragSummary(planId: $plan, period: $period) { period
              counts { %1$s }
              themes { theme { key } counts { %1$s } objectives { objective { key } counts { %1$s } } } } }""".formatted(COUNTS);
    private static final String EXCEPTIONS = """
            query($plan: ID!, $period: String!) { exceptionReport(planId: $plan, period: $period) {
              counts { behindPlan overdueMilestones notReported missingExplanations }
              behindPlan(first: 20) { edges { node { activity { reference } update { status explanation } } } }
              overdueMilestones(first: 20) { edges { node { activity { reference } milestone { id dueDate status } } } }
              notReported(first: 20) { edges { node { reference } } }
              missingExplanations(first: 20) { edges { node { activity { reference } } } } } }""";

    @LocalServerPort
    int port;

    @Autowired
    MongoRoundTrips roundTrips;

    @Autowired
    MongoTemplate mongo;

    PlansApi api;

    @BeforeEach
    void setUp() {
        api = new PlansApi(port);
    }

    @Test
    void statusesAreCountedPerObjectiveThemeAndPlanWithThoseNotReported() {
        String plan = knownPlan();

        GraphQlHttp.Response summary = api.anonymous().post(SUMMARY, Map.of("plan", plan, "period", "Q1 (April-June 2024)"));

        assertThat(summary.hasErrors()).as(summary.body()).isFalse();
        assertThat(summary.<String>read("$.data.ragSummary.period")).isEqualTo(Q1);
        assertThat(counts(summary, "$.data.ragSummary.counts")).isEqualTo(Map.of("Green", 1, "Amber", 2, "Red", 2, "Blue", 0, "none", 1));
        assertThat(counts(summary, "$.data.ragSummary.themes[0].counts")).isEqualTo(Map.of("Green", 1, "Amber", 1, "Red", 1, "Blue", 0, "none", 1));
        assertThat(counts(summary, "$.data.ragSummary.themes[1].counts")).isEqualTo(Map.of("Green", 0, "Amber", 1, "Red", 1, "Blue", 0, "none", 0));
        assertThat(counts(summary, "$.data.ragSummary.themes[0].objectives[0].counts")).isEqualTo(Map.of("Green", 1, "Amber", 0, "Red", 1, "Blue", 0, "none", 0));
        assertThat(counts(summary, "$.data.ragSummary.themes[0].objectives[1].counts")).isEqualTo(Map.of("Green", 0, "Amber", 1, "Red", 0, "Blue", 0, "none", 1));
        assertThat(summary.<List<String>>read("$.data.ragSummary.counts.statuses[*].label")).as("in the scale's order").containsExactly("Green", "Amber", "Red", "Blue");
        assertThat(summary.<Integer>read("$.data.ragSummary.counts.activities")).isEqualTo(6);
    }

    @Test
    void theExceptionReportListsWhatIsBehindOverdueOrUnreported() {
        String plan = knownPlan();

        GraphQlHttp.Response report = api.anonymous().post(EXCEPTIONS, Map.of("plan", plan, "period", Q1));

        assertThat(report.hasErrors()).as(report.body()).isFalse();
        assertThat(report.<Map<String, Integer>>read("$.data.exceptionReport.counts"))
                .isEqualTo(Map.of("behindPlan", 2, "overdueMilestones", 2, "notReported", 1, "missingExplanations", 0));
        assertThat(report.<List<String>>read("$.data.exceptionReport.behindPlan.edges[*].node.activity.reference")).containsExactly("A2", "B1");
        assertThat(report.<List<String>>read("$.data.exceptionReport.behindPlan.edges[*].node.update.explanation"))
                .containsExactly("Supplier went into administration", "Site contaminated");
        assertThat(report.<List<String>>read("$.data.exceptionReport.overdueMilestones.edges[*].node.activity.reference"))
                .as("A2's milestone was moved past the quarter; A3's met one does not count").containsExactly("A3", "A4");
        assertThat(report.<List<String>>read("$.data.exceptionReport.overdueMilestones.edges[*].node.milestone.dueDate")).containsExactly("2024-06-30", "2024-04-01");
        assertThat(report.<List<String>>read("$.data.exceptionReport.notReported.edges[*].node.reference")).containsExactly("A4");
    }

    @Test
    void whenTheScaleMakesAStatusBehindPlanItsUpdatesWithoutExplanationAreListed() {
        String plan = knownPlan();
        List<Map<String, Object>> amberIsBehind = new ArrayList<>(PlansApi.NORTHSHIRE_SCALE);
        amberIsBehind.set(1, PlansApi.status("Amber", "#FFBF47", "Slipping: behind plan", true));

        GraphQlHttp.Response changed = api.as(OWNER, "editor").post("""
                mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { plan { ragScale { label behindPlan } } } }""",
                Map.of("input", Map.of("id", plan, "ragScale", amberIsBehind)));
        GraphQlHttp.Response report = api.anonymous().post(EXCEPTIONS, Map.of("plan", plan, "period", Q1));

        assertThat(changed.<List<Boolean>>read("$.data.updatePlan.plan.ragScale[*].behindPlan")).containsExactly(false, true, true, false);
        assertThat(report.<List<String>>read("$.data.exceptionReport.behindPlan.edges[*].node.activity.reference")).containsExactly("A2", "A3", "B1", "B2");
        assertThat(report.<List<String>>read("$.data.exceptionReport.missingExplanations.edges[*].node.activity.reference")).containsExactly("A3", "B2");
    }

    @Test
    void theStatusOfEveryActivityComesPageByPage() {
        String plan = knownPlan();
        String query = """
                query($plan: ID!, $after: String) { activityStatuses(planId: $plan, period: "2024/25 Q1", first: 4, after: $after) {
                  edges { node { activity { reference } status reported behindPlan update { revision } } } pageInfo { hasNextPage endCursor } } }""";

        GraphQlHttp.Response first = api.anonymous().post(query, Map.of("plan", plan));
        GraphQlHttp.Response second = api.anonymous().post(query, Map.of("plan", plan, "after", first.read("$.data.activityStatuses.pageInfo.endCursor")));

        assertThat(first.<List<String>>read("$.data.activityStatuses.edges[*].node.activity.reference")).containsExactly("A1", "A2", "A3", "A4");
        assertThat(first.<List<String>>read("$.data.activityStatuses.edges[*].node.status")).containsExactly("Green", "Red", "Amber", null);
        assertThat(first.<List<Boolean>>read("$.data.activityStatuses.edges[*].node.reported")).containsExactly(true, true, true, false);
        assertThat(second.<List<String>>read("$.data.activityStatuses.edges[*].node.activity.reference")).containsExactly("B1", "B2");
        assertThat(second.<List<Integer>>read("$.data.activityStatuses.edges[*].node.update.revision")).as("the correction is current").containsExactly(2, 1);
        assertThat(second.<List<Boolean>>read("$.data.activityStatuses.edges[*].node.behindPlan")).containsExactly(true, false);
        assertThat(second.<Boolean>read("$.data.activityStatuses.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void reportSectionsComeInPagesThatJoinUp() {
        String plan = knownPlan();
        String query = """
                query($plan: ID!, $after: String) { exceptionReport(planId: $plan, period: "2024/25 Q1") {
                  behindPlan(first: 1, after: $after) { edges { node { activity { reference } } } pageInfo { hasNextPage endCursor } } } }""";

        GraphQlHttp.Response first = api.anonymous().post(query, Map.of("plan", plan));
        GraphQlHttp.Response second = api.anonymous().post(query, Map.of("plan", plan, "after", first.read("$.data.exceptionReport.behindPlan.pageInfo.endCursor")));

        assertThat(first.<List<String>>read("$.data.exceptionReport.behindPlan.edges[*].node.activity.reference")).containsExactly("A2");
        assertThat(first.<Boolean>read("$.data.exceptionReport.behindPlan.pageInfo.hasNextPage")).isTrue();
        assertThat(second.<List<String>>read("$.data.exceptionReport.behindPlan.edges[*].node.activity.reference")).containsExactly("B1");
        assertThat(second.<Boolean>read("$.data.exceptionReport.behindPlan.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void reportsReadTheDatabaseAFixedNumberOfTimesWhateverThePlansSize() {
        String small = planWithReportedActivities(2);
        String large = planWithReportedActivities(12);

        int smallSummary = roundTrips.during(() -> ok(api.anonymous().post(SUMMARY, Map.of("plan", small, "period", Q1))));
        int largeSummary = roundTrips.during(() -> ok(api.anonymous().post(SUMMARY, Map.of("plan", large, "period", Q1))));
        int smallReport = roundTrips.during(() -> ok(api.anonymous().post(EXCEPTIONS, Map.of("plan", small, "period", Q1))));
        int largeReport = roundTrips.during(() -> ok(api.anonymous().post(EXCEPTIONS, Map.of("plan", large, "period", Q1))));

        assertThat(largeSummary).isEqualTo(smallSummary).isLessThanOrEqualTo(3);
        assertThat(largeReport).isEqualTo(smallReport).isLessThanOrEqualTo(3);
    }

    @Test
    void anUpdateStoredUnderItsFormerIdIsCountedAndItsCorrectionToo() {
        String plan = api.createPlan(OWNER, false);
        String a1 = api.createActivity(OWNER, plan, "A1", "people-1");
        String a2 = api.createActivity(OWNER, plan, "A2", "people-1");
        api.submitOk(OWNER, report(a1, Q1, "Green"));
        String a2Id = (String) api.submitOk(OWNER, report(a2, Q1, "Amber")).get("id");
        assertThat(a2Id).isEqualTo(PlansApi.updateId(a2, "2024-25-Q1", 1));
        // as updates were stored before the period came first in their ids
        Document stored = mongo.findById(a2Id, Document.class, "progressUpdates");
        mongo.remove(Query.query(Criteria.where("_id").is(a2Id)), "progressUpdates");
        mongo.insert(stored.append("_id", a2 + "/2024-25-Q1/v1").append("pendingEvents", List.of()), "progressUpdates");

        GraphQlHttp.Response before = api.anonymous().post(SUMMARY, Map.of("plan", plan, "period", Q1));
        ok(api.as(OWNER, "editor").post(PlansApi.CORRECT, Map.of("input",
                Map.of("id", a2 + "/2024-25-Q1/v1", "reason", "Misread the return", "status", "Red", "explanation", "Contractor left"))));
        GraphQlHttp.Response after = api.anonymous().post(SUMMARY, Map.of("plan", plan, "period", Q1));
        GraphQlHttp.Response exceptions = api.anonymous().post(EXCEPTIONS, Map.of("plan", plan, "period", Q1));

        assertThat(counts(before, "$.data.ragSummary.counts")).isEqualTo(Map.of("Green", 1, "Amber", 1, "Red", 0, "Blue", 0, "none", 0));
        assertThat(counts(after, "$.data.ragSummary.counts")).isEqualTo(Map.of("Green", 1, "Amber", 0, "Red", 1, "Blue", 0, "none", 0));
        assertThat(exceptions.<List<String>>read("$.data.exceptionReport.behindPlan.edges[*].node.activity.reference")).containsExactly("A2");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(PlansApi.updateId(a2, "2024-25-Q1", 2))), "progressUpdates")).isTrue();
    }

    @Test
    void aReportForAnUnreadablePeriodNamesIt() {
        String plan = api.createPlan(OWNER, false);

        GraphQlHttp.Response response = api.anonymous().post(SUMMARY, Map.of("plan", plan, "period", "Q5 2024/25"));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("period");
    }

    private String knownPlan() {
        String plan = api.createPlan(OWNER, false);
        String a1 = api.createActivity(OWNER, plan, "A1", "people-1");
        String a2 = (String) api.createActivity(OWNER, with(activity(plan, "A2", "people-1"),
                "milestones", List.of(Map.of("text", "Contract let", "dueDate", "2024-05-31")))).get("id");
        String a3 = (String) api.createActivity(OWNER, with(activity(plan, "A3", "people-2"), "milestones", List.of(
                Map.of("text", "Consultation closes", "dueDate", "2024-06-30"),
                Map.of("text", "Report to cabinet", "dueDate", "2024-07-15"),
                Map.of("text", "Survey done", "dueDate", "2024-04-30", "status", "MET")))).get("id");
        api.createActivity(OWNER, with(activity(plan, "A4", "people-2"), "milestones", List.of(Map.of("text", "Board set up", "dueDate", "2024-04-01"))));
        String b1 = api.createActivity(OWNER, plan, "B1", "place-1");
        String b2 = api.createActivity(OWNER, plan, "B2", "place-1");
        api.submitOk(OWNER, report(a1, Q1, "Green"));
        api.submitOk(OWNER, with(report(a2, Q1, "Red"), "explanation", "Supplier went into administration",
                "milestones", List.of(Map.of("milestoneId", "m1", "status", "MISSED", "revisedDueDate", "2024-08-31"))));
        api.submitOk(OWNER, report(a3, Q1, "Amber"));
        String b1Wrong = (String) api.submitOk(OWNER, report(b1, Q1, "Green")).get("id");
        ok(api.as(OWNER, "editor").post(PlansApi.CORRECT, Map.of("input",
                Map.of("id", b1Wrong, "reason", "Survey found contamination", "status", "Red", "explanation", "Site contaminated"))));
        api.submitOk(OWNER, report(b2, Q1, "Amber"));
        return plan;
    }

    private String planWithReportedActivities(int count) {
        String plan = api.createPlan(OWNER, false);
        for (int i = 1; i <= count; i++) {
            String id = (String) api.createActivity(OWNER, with(activity(plan, "A" + i, i % 2 == 0 ? "people-1" : "place-1"),
                    "milestones", List.of(Map.of("text", "Milestone", "dueDate", "2024-05-01")))).get("id");
            if (i % 3 != 0) {
                api.submitOk(OWNER, report(id, Q1, i % 2 == 0 ? "Green" : "Amber"));
            }
        }
        return plan;
    }

    /** Status label (or "none" for not reported) to count. */
    private static Map<String, Integer> counts(GraphQlHttp.Response response, String path) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> statuses = response.read(path + ".statuses");
        statuses.forEach(status -> counts.put((String) status.get("label"), (Integer) status.get("count")));
        counts.put("none", response.read(path + ".notReported"));
        return counts;
    }

    private static void ok(GraphQlHttp.Response response) {
        assertThat(response.hasErrors()).as(response.body()).isFalse();
    }
}
