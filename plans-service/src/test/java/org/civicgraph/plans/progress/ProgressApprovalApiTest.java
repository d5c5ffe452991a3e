package org.civicgraph.plans.progress;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.plans.PlansApi;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.plans.PlansApi.report;
import static org.civicgraph.plans.PlansApi.value;
import static org.civicgraph.plans.PlansApi.with;

/**
 * Plans that require approval: an update is a draft, seen only by users of the owner, until an admin of the owner
 * publishes it. Each test has a plan of OWNER with A1 (milestone m1 due 2024-06-30) and A2, on the Northshire scale.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ProgressApprovalApiTest {

    private static final String OWNER = "north-kesteven-dc";
    private static final String Q1 = "2024/25 Q1";
    private static final String PUBLISH = "mutation($id: ID!) { publishProgressUpdate(input: {id: $id}) { update { id state publishedBy publishedAt } } }";
    private static final String HISTORY = """
            query($id: ID!) { activityById(id: $id) { milestones { revisedDueDate }
              history(first: 10) { edges { node { id status state } } } } }""";
    private static final String REPORTS = """
            query($plan: ID!) {
              ragSummary(planId: $plan, period: "2024/25 Q1") { counts { reported notReported statuses { label count } } }
              exceptionReport(planId: $plan, period: "2024/25 Q1") { counts { behindPlan notReported } }
              activityStatuses(planId: $plan, period: "2024/25 Q1", first: 10) { edges { node { status update { state } } } } }""";

    @LocalServerPort
    int port;

    PlansApi api;

    @BeforeEach
    void setUp() {
        api = new PlansApi(port);
    }

    @Test
    void anUpdateIsADraftSeenOnlyByTheOwnerUntilAnAdminOfTheOwnerPublishesIt() {
        String plan = newPlan();
        String a1 = plan + "/A1";

        Map<String, Object> draft = api.submitOk(OWNER, with(report(a1, Q1, "Red"), "explanation", "Contractor late",
                "milestones", List.of(Map.of("milestoneId", "m1", "revisedDueDate", "2024-09-30"))));
        String id = (String) draft.get("id");

        assertThat(api.as(OWNER, "editor").post("query($id: ID!) { activityById(id: $id) { history { edges { node { state publishedAt } } } } }",
                Map.of("id", a1)).<List<Map<String, Object>>>read("$.data.activityById.history.edges[*].node"))
                .containsExactly(withNull("state", "DRAFT", "publishedAt"));
        assertThat(history(api.anonymous(), a1).<List<Object>>read("$.data.activityById.history.edges")).as("anonymous").isEmpty();
        assertThat(history(api.as("boston-bc", "admin"), a1).<List<Object>>read("$.data.activityById.history.edges")).as("another organisation").isEmpty();
        assertThat(history(api.as(OWNER, "viewer"), a1).<List<String>>read("$.data.activityById.history.edges[*].node.state")).containsExactly("DRAFT");
        assertThat(history(api.anonymous(), a1).<String>read("$.data.activityById.milestones[0].revisedDueDate")).as("not applied while a draft").isNull();
        GraphQlHttp.Response publicReports = api.anonymous().post(REPORTS, Map.of("plan", plan));
        GraphQlHttp.Response ownerReports = api.as(OWNER, "viewer").post(REPORTS, Map.of("plan", plan));
        assertThat(publicReports.<Integer>read("$.data.ragSummary.counts.reported")).isZero();
        assertThat(publicReports.<Integer>read("$.data.exceptionReport.counts.behindPlan")).isZero();
        assertThat(publicReports.<Integer>read("$.data.exceptionReport.counts.notReported")).isEqualTo(2);
        assertThat(publicReports.<List<String>>read("$.data.activityStatuses.edges[*].node.status")).containsOnlyNulls();
        assertThat(ownerReports.<Integer>read("$.data.ragSummary.counts.reported")).isEqualTo(1);
        assertThat(ownerReports.<Integer>read("$.data.exceptionReport.counts.behindPlan")).isEqualTo(1);
        assertThat(ownerReports.<String>read("$.data.activityStatuses.edges[0].node.update.state")).isEqualTo("DRAFT");
        assertThat(api.as(OWNER, "viewer").post("query($plan: ID!) { progressUpdatesAwaitingApproval(planId: $plan) { edges { node { id } } } }",
                Map.of("plan", plan)).<List<String>>read("$.data.progressUpdatesAwaitingApproval.edges[*].node.id")).containsExactly(id);

        GraphQlHttp.Response byEditor = api.as(OWNER, "editor").post(PUBLISH, Map.of("id", id));
        GraphQlHttp.Response byOtherAdmin = api.as("boston-bc", "admin").post(PUBLISH, Map.of("id", id));
        GraphQlHttp.Response published = api.as(OWNER, "admin").post(PUBLISH, Map.of("id", id));
        GraphQlHttp.Response again = api.as(OWNER, "admin").post(PUBLISH, Map.of("id", id));

        assertThat(byEditor.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(byOtherAdmin.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(published.<String>read("$.data.publishProgressUpdate.update.state")).as(published.body()).isEqualTo("PUBLISHED");
        assertThat(published.<String>read("$.data.publishProgressUpdate.update.publishedBy")).isEqualTo("test-user@" + OWNER);
        assertThat(again.<String>read("$.errors[0].extensions.field")).isEqualTo("id");
        assertThat(history(api.anonymous(), a1).<List<String>>read("$.data.activityById.history.edges[*].node.state")).containsExactly("PUBLISHED");
        assertThat(history(api.anonymous(), a1).<String>read("$.data.activityById.milestones[0].revisedDueDate")).isEqualTo("2024-09-30");
        assertThat(api.anonymous().post(REPORTS, Map.of("plan", plan)).<Integer>read("$.data.exceptionReport.counts.behindPlan")).isEqualTo(1);
        try (TopicReader reader = PlansApi.topic()) {
            ConsumerRecord<String, byte[]> submitted = PlansApi.awaitUpdate(reader, ProgressUpdate.SUBMITTED, id).get(0);
            ConsumerRecord<String, byte[]> publication = PlansApi.awaitUpdate(reader, ProgressUpdate.PUBLISHED, id).get(0);
            assertThat(TopicReader.header(submitted, "ce_type")).isEqualTo("org.civicgraph.plans.activity.status-submitted.v1");
            assertThat(JsonPath.<String>read(value(submitted), "$.state")).isEqualTo("DRAFT");
            assertThat(value(submitted)).as("a draft's content is not published").doesNotContain("Contractor late").doesNotContain("\"status\"");
            assertThat(JsonPath.<String>read(value(publication), "$.explanation")).isEqualTo("Contractor late");
            assertThat(TopicReader.header(publication, "ce_type")).isEqualTo("org.civicgraph.plans.activity.status-published.v1");
            assertThat(JsonPath.<String>read(value(publication), "$.publishedBy")).isEqualTo("test-user@" + OWNER);
            assertThat(List.of(submitted.key(), publication.key())).containsOnly(a1);
            assertThat(TopicReader.header(publication, "ce_subject")).endsWith("/activities/A1/periods/2024-25-Q1");
            assertThat(reader.seen()).as("a draft is never reported as public").noneMatch(PlansApi.updateEvent(ProgressUpdate.REPORTED, id));
        }
    }

    @Test
    void aDraftCorrectionLeavesThePublishedUpdatePublicUntilItIsPublished() {
        String plan = newPlan();
        String a2 = plan + "/A2";
        String v1 = (String) api.submitOk(OWNER, report(a2, Q1, "Green")).get("id");
        api.as(OWNER, "admin").post(PUBLISH, Map.of("id", v1));

        GraphQlHttp.Response corrected = api.as(OWNER, "editor").post(PlansApi.CORRECT, Map.of("input",
                Map.of("id", v1, "reason", "Misread the return", "status", "Amber")));
        GraphQlHttp.Response imported = api.importFile(plan, Q1, false, "text/csv",
                "Activity ref,Status,Commentary\nA1,Blue,Done early\n".getBytes(StandardCharsets.UTF_8), PlansApi.token(OWNER, "editor"));

        assertThat(corrected.<String>read("$.data.correctProgressUpdate.update.id")).as(corrected.body()).isEqualTo(PlansApi.updateId(a2, "2024-25-Q1", 2));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(history(api.as(OWNER, "viewer"), plan + "/A1").<List<String>>read("$.data.activityById.history.edges[*].node.state"))
                .as("imported on a plan that requires approval").containsExactly("DRAFT");
        assertThat(history(api.anonymous(), a2).<List<String>>read("$.data.activityById.history.edges[*].node.status")).containsExactly("Green");
        assertThat(api.anonymous().post(REPORTS, Map.of("plan", plan)).<List<String>>read("$.data.activityStatuses.edges[*].node.status"))
                .containsExactly(null, "Green");
        assertThat(api.as(OWNER, "viewer").post(REPORTS, Map.of("plan", plan)).<List<String>>read("$.data.activityStatuses.edges[*].node.status"))
                .containsExactly("Blue", "Amber");
        assertThat(api.as(OWNER, "admin").post(PUBLISH, Map.of("id", v1)).<String>read("$.errors[0].extensions.field")).isEqualTo("id");

        api.as(OWNER, "admin").post(PUBLISH, Map.of("id", PlansApi.updateId(a2, "2024-25-Q1", 2)));

        assertThat(history(api.anonymous(), a2).<List<String>>read("$.data.activityById.history.edges[*].node.status")).containsExactly("Amber", "Green");
        assertThat(api.anonymous().post("{ plan(id: \"" + plan + "\") { requiresApproval } }").<Boolean>read("$.data.plan.requiresApproval")).isTrue();
    }

    private String newPlan() {
        String plan = api.createPlan(with(api.newPlan(OWNER, false), "requiresApproval", true));
        api.createActivity(OWNER, with(PlansApi.activity(plan, "A1", "people-1"), "milestones", List.of(Map.of("text", "Site found", "dueDate", "2024-06-30"))));
        api.createActivity(OWNER, plan, "A2", "people-1");
        return plan;
    }

    private static GraphQlHttp.Response history(GraphQlHttp as, String activityId) {
        return as.post(HISTORY, Map.of("id", activityId));
    }

    private static Map<String, Object> withNull(String key, Object value, String nullKey) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put(key, value);
        map.put(nullKey, null);
        return map;
    }
}
