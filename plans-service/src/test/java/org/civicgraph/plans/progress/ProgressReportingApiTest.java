package org.civicgraph.plans.progress;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.plans.PlansApi;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.BeforeEach;
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
import static org.civicgraph.plans.PlansApi.await;
import static org.civicgraph.plans.PlansApi.report;
import static org.civicgraph.plans.PlansApi.value;
import static org.civicgraph.plans.PlansApi.with;

@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ProgressReportingApiTest {

    private static final String OWNER = "west-lindsey-dc";
    private static final String PARTNER = "boston-bc";
    private static final String HISTORY = """
            query($id: ID!, $period: String) { activityHistory(activityId: $id, period: $period, first: 10) {
              edges { node { %s } } } }""".formatted(PlansApi.UPDATE_FIELDS);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    PlansApi api;

    @BeforeEach
    void setUp() {
        api = new PlansApi(port);
    }

    @Test
    void anEditorReportsAStatusOnThePlansOwnScaleAndItIsPublished() {
        String activity = newActivity(false);

        Map<String, Object> update = api.submitOk(OWNER, with(report(activity, "Q2 (July-September 2024)", "blue"), "commentary", "Finished early"));

        assertThat(update.get("id")).isEqualTo(PlansApi.updateId(activity, "2024-25-Q2", 1));
        assertThat(update.get("period")).isEqualTo("2024/25 Q2");
        assertThat(update.get("status")).as("as the scale writes it").isEqualTo("Blue");
        assertThat(update.get("behindPlan")).isEqualTo(false);
        assertThat(update.get("author")).isEqualTo("test-user@" + OWNER);
        try (TopicReader reader = PlansApi.topic()) {
            ConsumerRecord<String, byte[]> event = PlansApi.awaitUpdate(reader, ProgressUpdate.REPORTED, PlansApi.updateId(activity, "2024-25-Q2", 1)).get(0);
            assertThat(TopicReader.header(event, "ce_type")).isEqualTo("org.civicgraph.plans.activity.status-reported.v1");
            assertThat(event.key()).as("keyed by the activity, so its reports stay in order").isEqualTo(activity);
            assertThat(TopicReader.header(event, "ce_subject")).endsWith("/activities/A1/periods/2024-25-Q2");
            assertThat(JsonPath.<String>read(value(event), "$.status")).isEqualTo("Blue");
            assertThat(JsonPath.<String>read(value(event), "$.activityId")).isEqualTo(activity);
        }
    }

    @Test
    void aStatusThatIsNotOnThePlansScaleIsRefusedAndNothingIsStoredOrPublished() {
        String activity = newActivity(false);

        GraphQlHttp.Response purple = api.submit(api.as(OWNER, "editor"), report(activity, "2024/25 Q1", "Purple"));

        assertThat(purple.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(purple.<String>read("$.errors[0].extensions.field")).isEqualTo("status");
        assertThat(purple.<String>read("$.errors[0].message")).contains("Green, Amber, Red, Blue");
        assertNothingStoredOrPublishedFor(activity);
    }

    @Test
    void eachPlanHasItsOwnVocabulary() {
        String lincolnshireA9 = "lincolnshire-cc-corporate-plan/A9";

        GraphQlHttp.Response blue = api.submit(api.as("lincolnshire-cc", "editor"), report(lincolnshireA9, "2021/22 Q3", "Blue"));
        GraphQlHttp.Response scales = api.anonymous().post("""
                { lincolnshire: plan(id: "lincolnshire-cc-corporate-plan") { ragScale { label meaning behindPlan } }
                  leicestershire: plan(id: "leicestershire-cc-strategic-plan-2022-26") { ragScale { label meaning behindPlan } } }""");

        assertThat(blue.<String>read("$.errors[0].extensions.field")).isEqualTo("status");
        assertThat(blue.<String>read("$.errors[0].message")).contains("Green, Amber, Red");
        assertThat(scales.<List<String>>read("$.data.lincolnshire.ragScale[*].meaning")).containsExactly("Ahead of plan", "On plan", "Behind plan");
        assertThat(scales.<List<Boolean>>read("$.data.lincolnshire.ragScale[*].behindPlan")).containsExactly(false, false, true);
        assertThat(scales.<String>read("$.data.leicestershire.ragScale[0].meaning")).as("a plan without its own scale").isEqualTo("On track");
        assertThat(api.anonymous().post(HISTORY, Map.of("id", lincolnshireA9, "period", "2021/22 Q3"))
                .<List<Object>>read("$.data.activityHistory.edges")).isEmpty();
    }

    @Test
    void aBehindPlanStatusNeedsAnExplanation() {
        String activity = newActivity(false);
        GraphQlHttp editor = api.as(OWNER, "editor");

        GraphQlHttp.Response unexplained = api.submit(editor, report(activity, "2024/25 Q1", "Red"));
        GraphQlHttp.Response blank = api.submit(editor, with(report(activity, "2024/25 Q1", "Red"), "explanation", "  ", "commentary", "Late"));
        GraphQlHttp.Response amberNeedsNone = api.submit(editor, report(activity, "2024/25 Q2", "Amber"));

        assertThat(unexplained.<String>read("$.errors[0].extensions.field")).isEqualTo("explanation");
        assertThat(unexplained.<String>read("$.errors[0].message")).contains("Red means Behind plan");
        assertThat(blank.<String>read("$.errors[0].extensions.field")).isEqualTo("explanation");
        assertThat(amberNeedsNone.hasErrors()).as(amberNeedsNone.body()).isFalse();
        assertThat(api.anonymous().post(HISTORY, Map.of("id", activity)).<List<String>>read("$.data.activityHistory.edges[*].node.period"))
                .containsExactly("2024/25 Q2");
    }

    @Test
    void aPeriodOutsideThePlanOrUnreadableIsRefusedNamingThePeriod() {
        String activity = newActivity(false);
        GraphQlHttp editor = api.as(OWNER, "editor");

        GraphQlHttp.Response before = api.submit(editor, report(activity, "2023/24 Q4", "Green"));
        GraphQlHttp.Response after = api.submit(editor, report(activity, "Q1 (April-June 2028)", "Green"));
        GraphQlHttp.Response unreadable = api.submit(editor, report(activity, "Spring 2025", "Green"));

        assertThat(before.<String>read("$.errors[0].extensions.field")).isEqualTo("period");
        assertThat(before.<String>read("$.errors[0].message")).contains("2024/25 Q1 to 2027/28 Q4");
        assertThat(after.<String>read("$.errors[0].extensions.field")).isEqualTo("period");
        assertThat(unreadable.<String>read("$.errors[0].extensions.field")).isEqualTo("period");
        assertNothingStoredOrPublishedFor(activity);
    }

    @Test
    void anUnknownActivityOrMilestoneIsNamed() {
        String activity = newActivity(false);

        GraphQlHttp.Response unknownActivity = api.submit(api.as(OWNER, "editor"), report("no-such-plan/A1", "2024/25 Q1", "Green"));
        GraphQlHttp.Response unknownMilestone = api.submit(api.as(OWNER, "editor"), with(report(activity, "2024/25 Q1", "Green"),
                "milestones", List.of(Map.of("milestoneId", "m7", "status", "MET"))));

        assertThat(unknownActivity.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(unknownActivity.<String>read("$.errors[0].extensions.field")).isEqualTo("activityId");
        assertThat(unknownMilestone.<String>read("$.errors[0].extensions.field")).isEqualTo("milestones[0].milestoneId");
        assertNothingStoredOrPublishedFor(activity);
    }

    @Test
    void aCorrectionIsANewRevisionWithItsReasonAndTheHistoryKeepsBoth() {
        String activity = newActivity(false);
        String first = (String) api.submitOk(OWNER, with(report(activity, "2024/25 Q1", "Green"), "commentary", "All on track")).get("id");
        GraphQlHttp editor = api.as(OWNER, "editor");

        GraphQlHttp.Response noReason = editor.post(PlansApi.CORRECT, Map.of("input", Map.of("id", first, "reason", " ", "status", "Amber")));
        GraphQlHttp.Response corrected = editor.post(PlansApi.CORRECT, Map.of("input", Map.of("id", first, "reason", "Misread the contractor's return", "status", "Amber")));
        GraphQlHttp.Response correctingTheOld = editor.post(PlansApi.CORRECT, Map.of("input", Map.of("id", first, "reason", "Again", "status", "Blue")));
        GraphQlHttp.Response again = api.submit(editor, report(activity, "2024/25 Q1", "Blue"));
        GraphQlHttp.Response history = api.anonymous().post(HISTORY, Map.of("id", activity, "period", "2024/25 Q1"));

        assertThat(noReason.<String>read("$.errors[0].extensions.field")).isEqualTo("reason");
        assertThat(corrected.hasErrors()).as(corrected.body()).isFalse();
        assertThat(corrected.<String>read("$.data.correctProgressUpdate.update.id")).isEqualTo(PlansApi.updateId(activity, "2024-25-Q1", 2));
        assertThat(corrected.<String>read("$.data.correctProgressUpdate.update.commentary")).as("kept from v1").isEqualTo("All on track");
        assertThat(correctingTheOld.<String>read("$.errors[0].extensions.field")).isEqualTo("id");
        assertThat(again.<String>read("$.errors[0].extensions.field")).as("a second report for the period is a correction").isEqualTo("period");
        assertThat(history.<List<Integer>>read("$.data.activityHistory.edges[*].node.revision")).containsExactly(2, 1);
        assertThat(history.<List<String>>read("$.data.activityHistory.edges[*].node.status")).containsExactly("Amber", "Green");
        assertThat(history.<String>read("$.data.activityHistory.edges[0].node.supersedes")).isEqualTo(first);
        assertThat(history.<String>read("$.data.activityHistory.edges[0].node.correctionReason")).isEqualTo("Misread the contractor's return");
        try (TopicReader reader = PlansApi.topic()) {
            ConsumerRecord<String, byte[]> event = PlansApi.awaitUpdate(reader, ProgressUpdate.CORRECTED, PlansApi.updateId(activity, "2024-25-Q1", 2)).get(0);
            assertThat(JsonPath.<String>read(value(event), "$.previousStatus")).isEqualTo("Green");
            assertThat(JsonPath.<String>read(value(event), "$.correctionReason")).isEqualTo("Misread the contractor's return");
            assertThat(reader.seen()).filteredOn(PlansApi.updateEvent(ProgressUpdate.REPORTED, first)).hasSize(1);
        }
    }

    @Test
    void revisedMilestoneDatesInAnUpdateMoveTheActivitysMilestones() {
        String plan = api.createPlan(OWNER, false);
        String activity = (String) api.createActivity(OWNER, with(PlansApi.activity(plan, "A1", "people-1"),
                "milestones", List.of(Map.of("text", "Strategy approved", "dueDate", "2024-06-30")))).get("id");

        api.submitOk(OWNER, with(report(activity, "2024/25 Q1", "Red"), "explanation", "Committee cancelled",
                "milestones", List.of(Map.of("milestoneId", "m1", "status", "MISSED", "revisedDueDate", "2024-09-30"))));

        GraphQlHttp.Response stored = api.anonymous().post("query($id: ID!) { activityById(id: $id) { milestones { status dueDate revisedDueDate } } }",
                Map.of("id", activity));
        assertThat(stored.<String>read("$.data.activityById.milestones[0].status")).isEqualTo("MISSED");
        assertThat(stored.<String>read("$.data.activityById.milestones[0].dueDate")).isEqualTo("2024-06-30");
        assertThat(stored.<String>read("$.data.activityById.milestones[0].revisedDueDate")).isEqualTo("2024-09-30");
    }

    @Test
    void whoMayReport() {
        String restricted = newActivity(false);
        String open = newActivity(true);

        assertThat(submitAs(restricted, OWNER, "editor").hasErrors()).as("owner's editor").isFalse();
        assertThat(submitAs(open, OWNER, "admin").hasErrors()).as("owner's admin").isFalse();
        assertThat(submitAs(open, PARTNER, "editor").hasErrors()).as("named partner, plan allows it").isFalse();
        assertThat(submitAs(restricted, PARTNER, "editor").errorCodes()).as("named partner, plan does not allow it").containsExactly("FORBIDDEN");
        assertThat(submitAs(open, PARTNER, "viewer").errorCodes()).as("named partner's viewer").containsExactly("FORBIDDEN");
        assertThat(submitAs(open, OWNER, "viewer").errorCodes()).as("owner's viewer").containsExactly("FORBIDDEN");
        assertThat(submitAs(open, "south-holland-dc", "editor", "admin").errorCodes()).as("another organisation").containsExactly("FORBIDDEN");
        assertThat(api.submit(api.anonymous(), report(open, "2024/25 Q2", "Green")).errorCodes()).as("anonymous").containsExactly("UNAUTHENTICATED");
        GraphQlHttp.Response partnerReport = api.anonymous().post(HISTORY, Map.of("id", open));
        assertThat(partnerReport.<List<String>>read("$.data.activityHistory.edges[*].node.authorOrganisation"))
                .containsExactlyInAnyOrder(OWNER, PARTNER);
    }

    /** An activity of a new plan of OWNER, naming PARTNER as a partner. */
    private String newActivity(boolean partnersMayReport) {
        String plan = api.createPlan(OWNER, partnersMayReport);
        return (String) api.createActivity(OWNER, with(PlansApi.activity(plan, "A1", "people-1"), "partnerOrganisations", List.of(PARTNER))).get("id");
    }

    /** Each call reports a quarter of its own, so that one success cannot make the next a duplicate. */
    private int reports = 0;

    private GraphQlHttp.Response submitAs(String activity, String organisation, String... roles) {
        int n = reports++;
        return api.submit(api.as(organisation, roles), report(activity, (2024 + n / 4) + "-Q" + (n % 4 + 1), "Green"));
    }

    /** No update was stored, and a later event for a new update arrives with none before it for this activity. */
    private void assertNothingStoredOrPublishedFor(String activity) {
        assertThat(mongo.exists(Query.query(Criteria.where("activityId").is(activity)), ProgressUpdate.class)).isFalse();
        String marker = (String) api.submitOk(OWNER, report(newActivity(false), "2024/25 Q1", "Green")).get("id");
        try (TopicReader reader = PlansApi.topic()) {
            PlansApi.awaitUpdate(reader, ProgressUpdate.REPORTED, marker);
            assertThat(reader.seen()).noneMatch(record -> activity.equals(record.key())
                    && TopicReader.header(record, "ce_type").startsWith("org.civicgraph.plans.activity.status-"));
        }
    }
}
