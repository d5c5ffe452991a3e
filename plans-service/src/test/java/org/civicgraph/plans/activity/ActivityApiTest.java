package org.civicgraph.plans.activity;

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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.plans.PlansApi.activity;
import static org.civicgraph.plans.PlansApi.await;
import static org.civicgraph.plans.PlansApi.value;
import static org.civicgraph.plans.PlansApi.with;

@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ActivityApiTest {

    private static final String OWNER = "north-kesteven-dc";
    private static final String SEARCH = """
            query($filter: ActivityFilter, $first: Int, $after: String) {
              activities(filter: $filter, first: $first, after: $after) {
                edges { cursor node { id reference } } pageInfo { hasNextPage endCursor } } }""";

    @LocalServerPort
    int port;

    PlansApi api;

    @BeforeEach
    void setUp() {
        api = new PlansApi(port);
    }

    @Test
    void anEditorOfTheOwnerAddsAnActivityUnderAnObjectiveAndItIsPublished() {
        String plan = api.createPlan(OWNER, false);
        Map<String, Object> input = with(activity(plan, "A9", "people-2"),
                "partnerOrganisations", List.of("boston-bc"),
                "outputs", List.of("More people in good jobs"),
                "successMeasureIndicators", List.of("employment-rate-16-64"),
                "milestones", List.of(Map.of("text", "Jobs fair held. July 2025", "dueDate", "2025-07-31"), Map.of("text", "Ongoing support")));

        Map<String, Object> created = api.createActivity(OWNER, input);

        assertThat(created.get("id")).isEqualTo(plan + "/A9");
        assertThat(created.get("themeKey")).isEqualTo("people");
        assertThat(created.get("objectiveKey")).isEqualTo("people-2");
        assertThat(created.get("leadOrganisation")).as("the owner leads unless told otherwise").isEqualTo(OWNER);
        assertThat(created.get("areas")).as("the plan's areas unless told otherwise").isEqualTo(List.of("E10000019"));
        assertThat(JsonPath.<List<String>>read(created, "$.milestones[*].id")).containsExactly("m1", "m2");
        assertThat(JsonPath.<String>read(created, "$.milestones[0].dueDate")).isEqualTo("2025-07-31");
        assertThat(JsonPath.<String>read(created, "$.milestones[1].status")).isEqualTo("SCHEDULED");
        try (TopicReader reader = PlansApi.topic()) {
            ConsumerRecord<String, byte[]> event = await(reader, Activity.CREATED, plan + "/A9").get(0);
            assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("plans/" + plan + "/activities/A9");
            assertThat(JsonPath.<String>read(value(event), "$.objective")).isEqualTo("people-2");
            assertThat(JsonPath.<List<String>>read(value(event), "$.partnerOrganisations")).containsExactly("boston-bc");
            assertThat(JsonPath.<String>read(value(event), "$.createdBy")).isEqualTo("test-user@" + OWNER);
        }
    }

    @Test
    void thePlanShowsItsTreeAndAnActivityIsFoundByItsReference() {
        String plan = api.createPlan(OWNER, false);
        api.createActivity(OWNER, plan, "A10", "people-1");
        api.createActivity(OWNER, plan, "A9", "people-1");
        api.createActivity(OWNER, plan, "B1", "place-1");

        GraphQlHttp.Response tree = api.anonymous().post("""
                query($id: ID!) { plan(id: $id) { themes { key partnerOrganisations objectives { key title
                  activities(first: 10) { edges { node { reference theme { key } objective { title } plan { id } } } } } } } }""",
                Map.of("id", plan));
        GraphQlHttp.Response byReference = api.anonymous().post("""
                query($plan: ID!) { activity(planId: $plan, reference: "A9") { id description } }""", Map.of("plan", plan));

        assertThat(tree.hasErrors()).as(tree.body()).isFalse();
        assertThat(tree.<List<String>>read("$.data.plan.themes[0].objectives[0].activities.edges[*].node.reference"))
                .as("in reference order, A9 before A10").containsExactly("A9", "A10");
        assertThat(tree.<List<String>>read("$.data.plan.themes[0].objectives[1].activities.edges[*].node.reference")).isEmpty();
        assertThat(tree.<String>read("$.data.plan.themes[1].objectives[0].activities.edges[0].node.objective.title")).isEqualTo("Clean air");
        assertThat(tree.<String>read("$.data.plan.themes[1].objectives[0].activities.edges[0].node.plan.id")).isEqualTo(plan);
        assertThat(tree.<List<String>>read("$.data.plan.themes[1].partnerOrganisations")).containsExactly("sport-england");
        assertThat(byReference.<String>read("$.data.activity.id")).isEqualTo(plan + "/A9");
    }

    @Test
    void changesToAnActivityAndItsMilestonesArePublishedWithOldAndNewValues() {
        String plan = api.createPlan(OWNER, false);
        String id = (String) api.createActivity(OWNER, with(activity(plan, "A1", "people-1"),
                "milestones", List.of(Map.of("text", "Strategy approved", "dueDate", "2025-03-31")))).get("id");
        GraphQlHttp editor = api.as(OWNER, "editor");

        GraphQlHttp.Response moved = editor.post("""
                mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { themeKey objectiveKey description } } }""",
                Map.of("input", Map.of("id", id, "objective", "place-1", "description", "Cleaner air round schools")));
        GraphQlHttp.Response met = editor.post("""
                mutation($input: ChangeMilestoneInput!) { changeMilestone(input: $input) { activity { milestones { status revisedDueDate } } } }""",
                Map.of("input", Map.of("activityId", id, "milestoneId", "m1", "status", "MET")));

        assertThat(moved.hasErrors()).as(moved.body()).isFalse();
        assertThat(moved.<String>read("$.data.updateActivity.activity.themeKey")).isEqualTo("place");
        assertThat(met.<String>read("$.data.changeMilestone.activity.milestones[0].status")).isEqualTo("MET");
        try (TopicReader reader = PlansApi.topic()) {
            String changed = value(await(reader, Activity.CHANGED, id).get(0));
            assertThat(JsonPath.<String>read(changed, "$.changes.objective.old")).isEqualTo("people-1");
            assertThat(JsonPath.<String>read(changed, "$.changes.objective.new")).isEqualTo("place-1");
            assertThat(JsonPath.<String>read(changed, "$.changes.theme.new")).isEqualTo("place");
            ConsumerRecord<String, byte[]> milestone = await(reader, Activity.MILESTONE_CHANGED, id).get(0);
            assertThat(TopicReader.header(milestone, "ce_subject")).isEqualTo("plans/" + plan + "/activities/A1/milestones/m1");
            assertThat(JsonPath.<String>read(value(milestone), "$.changes.status.old")).isEqualTo("SCHEDULED");
            assertThat(JsonPath.<String>read(value(milestone), "$.changes.status.new")).isEqualTo("MET");
        }
    }

    @Test
    void onlyEditorsOfThePlansOwnerMayAddOrChangeActivities() {
        String plan = api.createPlan(OWNER, true);
        String id = api.createActivity(OWNER, plan, "A1", "people-1");
        String update = "mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { id } } }";
        Map<String, Object> change = Map.of("input", Map.of("id", id, "description", "Taken over"));

        GraphQlHttp.Response otherOrganisation = api.as("boston-bc", "editor", "admin").post(PlansApi.CREATE_ACTIVITY, Map.of("input", activity(plan, "A2", "people-1")));
        GraphQlHttp.Response viewer = api.as(OWNER, "viewer").post(update, change);
        GraphQlHttp.Response anonymous = api.anonymous().post(update, change);
        GraphQlHttp.Response found = api.anonymous().post("query($id: ID!) { activityById(id: $id) { description } }", Map.of("id", id));

        assertThat(otherOrganisation.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(viewer.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(anonymous.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(found.<String>read("$.data.activityById.description")).isEqualTo("Activity A1 of " + plan);
        assertThat(api.anonymous().post("query($plan: ID!) { activity(planId: $plan, reference: \"A2\") { id } }", Map.of("plan", plan))
                .<Object>read("$.data.activity")).isNull();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String plan = api.createPlan(OWNER, false);
        api.createActivity(OWNER, plan, "A1", "people-1");
        GraphQlHttp editor = api.as(OWNER, "editor");

        GraphQlHttp.Response unknownObjective = editor.post(PlansApi.CREATE_ACTIVITY, Map.of("input", activity(plan, "A2", "no-such-objective")));
        GraphQlHttp.Response badDate = editor.post(PlansApi.CREATE_ACTIVITY, Map.of("input",
                with(activity(plan, "A3", "people-1"), "milestones", List.of(Map.of("text", "Done", "dueDate", "31/03/2025")))));
        GraphQlHttp.Response badArea = editor.post(PlansApi.CREATE_ACTIVITY, Map.of("input", with(activity(plan, "A4", "people-1"), "areas", List.of("Boston"))));
        GraphQlHttp.Response takenReference = editor.post(PlansApi.CREATE_ACTIVITY, Map.of("input", activity(plan, "A1", "people-2")));
        GraphQlHttp.Response badReference = editor.post(PlansApi.CREATE_ACTIVITY, Map.of("input", activity(plan, "A 5", "people-1")));

        assertThat(List.of(unknownObjective, badDate, badArea, takenReference, badReference))
                .extracting(response -> response.<String>read("$.errors[0].extensions.field"))
                .containsExactly("objective", "milestones[0].dueDate", "areas", "reference", "reference");
        assertThat(unknownObjective.errorCodes()).containsExactly("BAD_USER_INPUT");
        GraphQlHttp.Response stored = api.anonymous().post("query($plan: ID!) { plan(id: $plan) { activities(first: 10) { edges { node { reference objectiveKey } } } } }",
                Map.of("plan", plan));
        assertThat(stored.<List<String>>read("$.data.plan.activities.edges[*].node.reference")).containsExactly("A1");
        assertThat(stored.<String>read("$.data.plan.activities.edges[0].node.objectiveKey")).isEqualTo("people-1");
    }

    @Test
    void activitiesAreSearchedByTextThemeOrganisationAndArea() {
        String plan = api.createPlan(OWNER, false);
        api.createActivity(OWNER, with(activity(plan, "A1", "people-1"), "description", "Run the (Healthy+) Homes* scheme?"));
        api.createActivity(OWNER, with(activity(plan, "A2", "people-2"), "partnerOrganisations", List.of("greater-lincolnshire-lep"),
                "milestones", List.of(Map.of("text", "Skills summit with healthy homes partners"))));
        api.createActivity(OWNER, with(activity(plan, "A3", "people-2"), "leadOrganisation", "boston-bc", "areas", List.of("E07000136")));
        api.createActivity(OWNER, plan, "B1", "place-1");

        assertThat(references(Map.of("planId", plan, "text", "(healthy+) homes*"))).as("found literally, ignoring case").containsExactly("A1");
        assertThat(references(Map.of("planId", plan, "text", "HEALTHY"))).as("description or milestones").containsExactly("A1", "A2");
        assertThat(references(Map.of("planId", plan, "text", ".*"))).as("no regular expressions").isEmpty();
        assertThat(references(Map.of("planId", plan, "theme", "people"))).containsExactly("A1", "A2", "A3");
        assertThat(references(Map.of("planId", plan, "organisation", "greater-lincolnshire-lep"))).as("partner").containsExactly("A2");
        assertThat(references(Map.of("planId", plan, "organisation", "boston-bc"))).as("lead").containsExactly("A3");
        assertThat(references(Map.of("planId", plan, "organisation", "sport-england"))).as("partner of the whole theme").containsExactly("B1");
        assertThat(references(Map.of("planId", plan, "area", "E07000136"))).containsExactly("A3");
        assertThat(references(Map.of("planId", plan, "area", "E10000019", "theme", "people"))).containsExactly("A1", "A2");
    }

    @Test
    void searchingByStatusNeedsAPeriodAndMatchesTheCurrentUpdateOnly() {
        String plan = api.createPlan(OWNER, false);
        String a1 = api.createActivity(OWNER, plan, "A1", "people-1");
        String a2 = api.createActivity(OWNER, plan, "A2", "people-1");
        api.createActivity(OWNER, plan, "A3", "people-1");
        api.submitOk(OWNER, PlansApi.report(a1, "2024/25 Q1", "Green"));
        String wrong = (String) api.submitOk(OWNER, PlansApi.report(a2, "2024/25 Q1", "Green")).get("id");
        GraphQlHttp.Response corrected = api.as(OWNER, "editor").post(PlansApi.CORRECT, Map.of("input",
                Map.of("id", wrong, "reason", "Wrong row copied", "status", "Red", "explanation", "Contractor went bust")));
        assertThat(corrected.hasErrors()).as(corrected.body()).isFalse();

        GraphQlHttp.Response noPeriod = api.anonymous().post(SEARCH, Map.of("filter", Map.of("planId", plan, "status", "Green")));

        assertThat(noPeriod.<String>read("$.errors[0].extensions.field")).isEqualTo("filter.status");
        assertThat(references(Map.of("planId", plan, "period", "Q1 (April-June 2024)", "status", "green"))).containsExactly("A1");
        assertThat(references(Map.of("planId", plan, "period", "2024/25 Q1", "status", "Red"))).containsExactly("A2");
        assertThat(references(Map.of("planId", plan, "period", "2024/25 Q1"))).as("reported at all").containsExactly("A1", "A2");
        assertThat(references(Map.of("planId", plan, "period", "2024/25 Q2"))).isEmpty();
    }

    @Test
    void searchResultsComeInBoundedPagesThatJoinUp() {
        String plan = api.createPlan(OWNER, false);
        for (int i = 1; i <= 5; i++) {
            api.createActivity(OWNER, plan, "A" + i, "people-1");
        }
        Map<String, Object> filter = Map.of("planId", plan);

        GraphQlHttp.Response first = api.anonymous().post(SEARCH, Map.of("filter", filter, "first", 2));
        GraphQlHttp.Response second = api.anonymous().post(SEARCH, Map.of("filter", filter, "first", 2, "after", first.read("$.data.activities.pageInfo.endCursor")));
        GraphQlHttp.Response third = api.anonymous().post(SEARCH, Map.of("filter", filter, "first", 2, "after", second.read("$.data.activities.pageInfo.endCursor")));
        GraphQlHttp.Response tooMany = api.anonymous().post(SEARCH, Map.of("filter", filter, "first", 101));

        assertThat(first.<List<String>>read("$.data.activities.edges[*].node.reference")).containsExactly("A1", "A2");
        assertThat(second.<List<String>>read("$.data.activities.edges[*].node.reference")).containsExactly("A3", "A4");
        assertThat(third.<List<String>>read("$.data.activities.edges[*].node.reference")).containsExactly("A5");
        assertThat(third.<Boolean>read("$.data.activities.pageInfo.hasNextPage")).isFalse();
        assertThat(tooMany.<String>read("$.errors[0].extensions.field")).isEqualTo("first");
    }

    private List<String> references(Map<String, Object> filter) {
        GraphQlHttp.Response response = api.anonymous().post(SEARCH, Map.of("filter", filter, "first", 100));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response.read("$.data.activities.edges[*].node.reference");
    }
}
