package org.civicgraph.plans.progress;

import org.civicgraph.plans.MongoRoundTrips;
import org.civicgraph.plans.PlansApi;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.plans.PlansApi.report;
import static org.civicgraph.plans.PlansApi.with;

/**
 * An activity's history inside a list of activities (the area profile's latest statuses) is read for the whole list
 * in one query, and pages exactly as the activity's own history does: the same updates, cursors and next pages, with
 * drafts for the owner's users only.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ActivityHistoryPagesTest {

    private static final String OWNER = "north-kesteven-dc";
    private static final String OTHER = "boston-bc";
    private static final String PAGE = "edges { cursor node { id period revision status state } } pageInfo { hasNextPage endCursor }";
    private static final String IN_LIST = "query($plan: ID!) { activities(filter: {planId: $plan}, first: 50) { edges { node { id history(first: 1) { "
            + PAGE + " } } } } }";
    private static final String OWN = "query($id: ID!, $after: String) { activityHistory(activityId: $id, first: 1, after: $after) { " + PAGE + " } }";
    private static final String NESTED_NEXT = "query($id: ID!, $after: String) { activityById(id: $id) { history(first: 1, after: $after) { "
            + PAGE + " } } }";
    private static final String PUBLISH = "mutation($id: ID!) { publishProgressUpdate(input: {id: $id}) { update { id } } }";

    @LocalServerPort
    int port;

    @Autowired
    MongoRoundTrips roundTrips;

    PlansApi api;

    @BeforeEach
    void setUp() {
        api = new PlansApi(port);
    }

    @Test
    void aListsHistoriesPageAsEachActivitysOwnHistoryDoesForAnonymousOwnerAndOtherCallers() {
        String plan = planWithReportedActivities(6);

        for (GraphQlHttp caller : List.of(api.anonymous(), api.as(OWNER, "viewer"), api.as(OTHER, "admin"))) {
            Map<String, Object> inList = histories(caller, plan);
            assertThat(inList).hasSize(6);
            inList.forEach((activity, history) -> {
                assertThat(history).as(activity).isEqualTo(ok(caller.post(OWN, vars(activity, null))).read("$.data.activityHistory"));
                String endCursor = ok(caller.post(OWN, vars(activity, null))).read("$.data.activityHistory.pageInfo.endCursor");
                assertThat(ok(caller.post(NESTED_NEXT, vars(activity, endCursor))).<Object>read("$.data.activityById.history"))
                        .as(activity + " after its first page")
                        .isEqualTo(ok(caller.post(OWN, vars(activity, endCursor))).read("$.data.activityHistory"));
            });
        }

        Map<String, Object> anonymous = histories(api.anonymous(), plan);
        Map<String, Object> owner = histories(api.as(OWNER, "viewer"), plan);
        assertThat(statesOfFirstUpdates(anonymous)).containsOnly("PUBLISHED");
        assertThat(statesOfFirstUpdates(histories(api.as(OTHER, "admin"), plan))).as("another organisation").containsOnly("PUBLISHED");
        assertThat(statesOfFirstUpdates(owner)).containsExactlyInAnyOrder("DRAFT", "PUBLISHED", "DRAFT", "PUBLISHED", "DRAFT", "PUBLISHED");
    }

    @Test
    void aListsLatestStatusesCostTheSameReadsForManyActivitiesAsForFewForAnonymousAndSignedInCallers() {
        String few = planWithReportedActivities(2);
        String many = planWithReportedActivities(12);

        for (GraphQlHttp caller : List.of(api.anonymous(), api.as(OWNER, "viewer"))) {
            int readsForFew = roundTrips.during(() -> histories(caller, few));
            int readsForMany = roundTrips.during(() -> histories(caller, many));

            assertThat(histories(caller, many)).hasSize(12);
            assertThat(readsForMany).isEqualTo(readsForFew);
        }
    }

    /**
     * A plan that requires approval, with the given number of activities, each reported Green for Q1 and published,
     * and every other one reported Amber for Q2, still a draft.
     */
    private String planWithReportedActivities(int activities) {
        String plan = api.createPlan(with(api.newPlan(OWNER, false), "requiresApproval", true));
        for (int i = 1; i <= activities; i++) {
            String activity = api.createActivity(OWNER, plan, "A" + i, "people-1");
            String q1 = (String) api.submitOk(OWNER, report(activity, "2024/25 Q1", "Green")).get("id");
            ok(api.as(OWNER, "admin").post(PUBLISH, Map.of("id", q1)));
            if (i % 2 == 1) {
                api.submitOk(OWNER, report(activity, "2024/25 Q2", "Amber"));
            }
        }
        return plan;
    }

    /** Each activity's history as the list returns it, by activity id. */
    private static Map<String, Object> histories(GraphQlHttp caller, String plan) {
        List<Map<String, Object>> edges = ok(caller.post(IN_LIST, Map.of("plan", plan))).read("$.data.activities.edges");
        Map<String, Object> byActivity = new HashMap<>();
        edges.forEach(edge -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> node = (Map<String, Object>) edge.get("node");
            byActivity.put((String) node.get("id"), node.get("history"));
        });
        return byActivity;
    }

    @SuppressWarnings("unchecked")
    private static List<String> statesOfFirstUpdates(Map<String, Object> histories) {
        List<String> states = new ArrayList<>();
        histories.values().forEach(history -> {
            List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) history).get("edges");
            states.add((String) ((Map<String, Object>) edges.get(0).get("node")).get("state"));
        });
        return states;
    }

    private static Map<String, Object> vars(String activity, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", activity);
        variables.put("after", after);
        return variables;
    }

    private static GraphQlHttp.Response ok(GraphQlHttp.Response response) {
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response;
    }
}
