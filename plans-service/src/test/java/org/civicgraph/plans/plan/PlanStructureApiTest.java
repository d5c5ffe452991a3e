package org.civicgraph.plans.plan;

import com.jayway.jsonpath.DocumentContext;
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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan's themes and objectives changed after it was created: added, edited and removed by editors of its owner
 * only, each change published with its type, the plan as key and old and new values; bad input and refused callers
 * change nothing.
 */
@PlatformIntegrationTest
class PlanStructureApiTest {

    private static final String OWNER = "west-lindsey-dc";
    private static final String THEME_FIELDS = "theme { key title description partnerOrganisations objectives { key title successMeasures } }";
    private static final String PLAN_TREE = "plan { id themes { key title description partnerOrganisations objectives { key title successMeasures } } }";
    private static final String ADD_THEME = "mutation($input: AddThemeInput!) { addTheme(input: $input) { " + PLAN_TREE + " " + THEME_FIELDS + " } }";
    private static final String UPDATE_THEME = "mutation($input: UpdateThemeInput!) { updateTheme(input: $input) { " + PLAN_TREE + " " + THEME_FIELDS + " } }";
    private static final String REMOVE_THEME = "mutation($input: RemoveThemeInput!) { removeTheme(input: $input) { " + PLAN_TREE + " theme { key } } }";
    private static final String OBJECTIVE_FIELDS = "objective { key title successMeasures }";
    private static final String ADD_OBJECTIVE = "mutation($input: AddObjectiveInput!) { addObjective(input: $input) { " + PLAN_TREE + " " + OBJECTIVE_FIELDS + " } }";
    private static final String UPDATE_OBJECTIVE = "mutation($input: UpdateObjectiveInput!) { updateObjective(input: $input) { " + PLAN_TREE + " " + OBJECTIVE_FIELDS + " } }";
    private static final String REMOVE_OBJECTIVE = "mutation($input: RemoveObjectiveInput!) { removeObjective(input: $input) { " + PLAN_TREE + " objective { key } } }";

    @LocalServerPort
    int port;
    @Autowired
    Plans plans;

    PlansApi api;
    GraphQlHttp editor;

    @BeforeEach
    void setUp() {
        api = new PlansApi(port);
        editor = api.as(OWNER, "editor");
    }

    @Test
    void anEditorAddsAThemeWithObjectivesAndAnObjectiveAndBothArePublished() {
        String plan = api.createPlan(OWNER, false);

        GraphQlHttp.Response theme = editor.post(ADD_THEME, input(plan, "title", "Thriving economy", "description", "Jobs and skills",
                "partnerOrganisations", List.of("lincolnshire-cc"), "objectives", List.of(Map.of("title", "More apprenticeships",
                        "successMeasures", List.of("500 apprenticeships a year")))));
        GraphQlHttp.Response objective = editor.post(ADD_OBJECTIVE, input(plan, "themeKey", "people", "title", "Fewer falls"));
        GraphQlHttp.Response keyed = editor.post(ADD_OBJECTIVE, input(plan, "themeKey", "thriving-economy", "key", "town-centres",
                "title", "Busy town centres"));

        ok(theme);
        assertThat(theme.<String>read("$.data.addTheme.theme.key")).isEqualTo("thriving-economy");
        assertThat(theme.<List<String>>read("$.data.addTheme.theme.objectives[*].key")).containsExactly("thriving-economy-1");
        ok(objective);
        assertThat(objective.<String>read("$.data.addObjective.objective.key")).as("the theme's key and its position").isEqualTo("people-3");
        ok(keyed);
        assertThat(keyed.<List<String>>read("$.data.addObjective.plan.themes[*].key")).containsExactly("people", "place", "thriving-economy");
        assertThat(keyed.<List<String>>read("$.data.addObjective.plan.themes[2].objectives[*].key"))
                .containsExactly("thriving-economy-1", "town-centres");
        assertThat(api.createActivity(OWNER, plan, "E1", "town-centres")).as("an activity under the new objective").endsWith("/E1");

        try (TopicReader reader = PlansApi.topic()) {
            DocumentContext added = data(PlansApi.await(reader, Plan.THEME_ADDED, plan), "plans/" + plan + "/themes/thriving-economy");
            assertThat(added.<String>read("$.planId")).isEqualTo(plan);
            assertThat(added.<String>read("$.addedBy")).isEqualTo("test-user@" + OWNER);
            assertThat(added.<String>read("$.theme.title")).isEqualTo("Thriving economy");
            assertThat(added.<String>read("$.theme.description")).isEqualTo("Jobs and skills");
            assertThat(added.<List<String>>read("$.theme.partnerOrganisations")).containsExactly("lincolnshire-cc");
            assertThat(added.<List<String>>read("$.theme.objectives[0].successMeasures")).containsExactly("500 apprenticeships a year");
            reader.readUntil(PlansApi.event(Plan.OBJECTIVE_ADDED, plan).and(record -> PlansApi.value(record).contains("town-centres")),
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> objectives = reader.seen().stream().filter(PlansApi.event(Plan.OBJECTIVE_ADDED, plan)).toList();
            assertThat(objectives).extracting(record -> TopicReader.header(record, "ce_subject")).containsExactly(
                    "plans/" + plan + "/themes/people/objectives/people-3", "plans/" + plan + "/themes/thriving-economy/objectives/town-centres");
            DocumentContext first = JsonPath.parse(PlansApi.value(objectives.get(0)));
            assertThat(first.<String>read("$.themeKey")).isEqualTo("people");
            assertThat(first.<String>read("$.objective.title")).isEqualTo("Fewer falls");
            assertThat(first.<List<String>>read("$.objective.successMeasures")).isEmpty();
        }
    }

    @Test
    void anEditorEditsAThemeAndAnObjectiveAndTheChangesArePublishedWithOldAndNewValues() {
        String plan = api.createPlan(OWNER, false);

        GraphQlHttp.Response theme = editor.post(UPDATE_THEME, input(plan, "key", "place", "title", "Places and spaces",
                "description", "Where we live", "partnerOrganisations", List.of("sport-england", "lincolnshire-cc")));
        GraphQlHttp.Response objective = editor.post(UPDATE_OBJECTIVE, input(plan, "key", "people-2", "title", "Good jobs for all",
                "successMeasures", List.of("Employment rate above 75%")));
        GraphQlHttp.Response same = editor.post(UPDATE_THEME, input(plan, "key", "place", "title", "Places and spaces"));

        ok(theme);
        assertThat(theme.<String>read("$.data.updateTheme.theme.title")).isEqualTo("Places and spaces");
        assertThat(theme.<List<String>>read("$.data.updateTheme.theme.objectives[*].key")).as("kept").containsExactly("place-1");
        ok(objective);
        assertThat(objective.<String>read("$.data.updateObjective.objective.title")).isEqualTo("Good jobs for all");
        ok(same);
        assertThat(structureEventsAfterSentinel(plan)).as("nothing to change, nothing published")
                .containsExactly(Plan.THEME_CHANGED, Plan.OBJECTIVE_CHANGED);
        try (TopicReader reader = PlansApi.topic()) {
            List<ConsumerRecord<String, byte[]>> themeEvents = PlansApi.await(reader, Plan.THEME_CHANGED, plan);
            DocumentContext changed = data(themeEvents, "plans/" + plan + "/themes/place");
            assertThat(changed.<String>read("$.themeKey")).isEqualTo("place");
            assertThat(changed.<String>read("$.changedBy")).isEqualTo("test-user@" + OWNER);
            assertThat(changed.<String>read("$.changes.title.old")).isEqualTo("Place");
            assertThat(changed.<String>read("$.changes.title.new")).isEqualTo("Places and spaces");
            assertThat(changed.<String>read("$.changes.description.old")).isNull();
            assertThat(changed.<String>read("$.changes.description.new")).isEqualTo("Where we live");
            assertThat(changed.<String>read("$.changes.partnerOrganisations.old")).isEqualTo("[sport-england]");
            assertThat(changed.<String>read("$.changes.partnerOrganisations.new")).isEqualTo("[sport-england, lincolnshire-cc]");
            DocumentContext objectiveChanged = data(PlansApi.await(reader, Plan.OBJECTIVE_CHANGED, plan),
                    "plans/" + plan + "/themes/people/objectives/people-2");
            assertThat(objectiveChanged.<String>read("$.themeKey")).isEqualTo("people");
            assertThat(objectiveChanged.<String>read("$.objectiveKey")).isEqualTo("people-2");
            assertThat(objectiveChanged.<String>read("$.changes.title.old")).isEqualTo("Good jobs");
            assertThat(objectiveChanged.<String>read("$.changes.title.new")).isEqualTo("Good jobs for all");
            assertThat(objectiveChanged.<String>read("$.changes.successMeasures.old")).isEqualTo("[]");
            assertThat(objectiveChanged.<String>read("$.changes.successMeasures.new")).isEqualTo("[Employment rate above 75%]");
        }
    }

    @Test
    void aThemeOrObjectiveIsRemovedOnlyWhileNoActivitySitsUnderIt() {
        String plan = api.createPlan(OWNER, false);
        api.createActivity(OWNER, plan, "A1", "people-1");
        Plan before = plans.findById(plan).orElseThrow();

        GraphQlHttp.Response objectiveWithActivity = editor.post(REMOVE_OBJECTIVE, input(plan, "key", "people-1"));
        GraphQlHttp.Response themeWithActivity = editor.post(REMOVE_THEME, input(plan, "key", "people"));

        assertThat(objectiveWithActivity.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(objectiveWithActivity.<String>read("$.errors[0].extensions.field")).isEqualTo("key");
        assertThat(objectiveWithActivity.<String>read("$.errors[0].message")).contains("1 activity under it");
        assertThat(themeWithActivity.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(themeWithActivity.<String>read("$.errors[0].extensions.field")).isEqualTo("key");
        assertUnchanged(plan, before);

        GraphQlHttp.Response objective = editor.post(REMOVE_OBJECTIVE, input(plan, "key", "people-2"));
        GraphQlHttp.Response theme = editor.post(REMOVE_THEME, input(plan, "key", "place"));

        ok(objective);
        assertThat(objective.<Object>read("$.data.removeObjective.objective")).isNull();
        ok(theme);
        assertThat(theme.<Object>read("$.data.removeTheme.theme")).isNull();
        assertThat(theme.<List<String>>read("$.data.removeTheme.plan.themes[*].key")).containsExactly("people");
        assertThat(theme.<List<String>>read("$.data.removeTheme.plan.themes[0].objectives[*].key")).containsExactly("people-1");
        try (TopicReader reader = PlansApi.topic()) {
            DocumentContext objectiveRemoved = data(PlansApi.await(reader, Plan.OBJECTIVE_REMOVED, plan),
                    "plans/" + plan + "/themes/people/objectives/people-2");
            assertThat(objectiveRemoved.<String>read("$.objective.title")).isEqualTo("Good jobs");
            assertThat(objectiveRemoved.<String>read("$.removedBy")).isEqualTo("test-user@" + OWNER);
            DocumentContext themeRemoved = data(PlansApi.await(reader, Plan.THEME_REMOVED, plan), "plans/" + plan + "/themes/place");
            assertThat(themeRemoved.<String>read("$.theme.title")).isEqualTo("Place");
            assertThat(themeRemoved.<List<String>>read("$.theme.objectives[*].key")).containsExactly("place-1");
            assertThat(themeRemoved.<List<String>>read("$.theme.partnerOrganisations")).containsExactly("sport-england");
        }
        // A key once removed may be used again.
        ok(editor.post(ADD_THEME, input(plan, "key", "place", "title", "Place again")));
    }

    @Test
    void onlyEditorsOfTheOwnerMayChangeThemesAndObjectives() {
        String plan = api.createPlan(OWNER, false);
        Plan before = plans.findById(plan).orElseThrow();
        List<String> mutations = List.of(ADD_THEME, UPDATE_THEME, REMOVE_THEME, ADD_OBJECTIVE, UPDATE_OBJECTIVE, REMOVE_OBJECTIVE);
        List<Map<String, Object>> inputs = List.of(input(plan, "title", "Taken over"), input(plan, "key", "place", "title", "Taken over"),
                input(plan, "key", "place"), input(plan, "themeKey", "people", "title", "Taken over"),
                input(plan, "key", "people-1", "title", "Taken over"), input(plan, "key", "people-2"));

        for (int i = 0; i < mutations.size(); i++) {
            String mutation = mutations.get(i);
            Map<String, Object> variables = inputs.get(i);
            assertThat(api.as(OWNER, "viewer").post(mutation, variables).errorCodes()).as("viewer: " + mutation).containsExactly("FORBIDDEN");
            assertThat(api.as("boston-bc", "editor", "admin").post(mutation, variables).errorCodes()).as("another organisation: " + mutation)
                    .containsExactly("FORBIDDEN");
            assertThat(api.anonymous().post(mutation, variables).errorCodes()).as("anonymous: " + mutation).containsExactly("UNAUTHENTICATED");
        }
        assertUnchanged(plan, before);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String plan = api.createPlan(OWNER, false);
        Plan before = plans.findById(plan).orElseThrow();

        assertRefused(ADD_THEME, input(plan, "key", "people-1", "title", "Clash"), "BAD_USER_INPUT", "key");
        assertRefused(ADD_THEME, input(plan, "title", "People"), "BAD_USER_INPUT", "key");
        assertRefused(ADD_THEME, input(plan, "key", "Not A Slug", "title", "Bad key"), "BAD_USER_INPUT", "key");
        assertRefused(ADD_THEME, input(plan, "title", " "), "BAD_USER_INPUT", "title");
        assertRefused(ADD_THEME, input(plan, "title", "x".repeat(301)), "BAD_USER_INPUT", "title");
        assertRefused(ADD_THEME, input(plan, "title", "Partners", "partnerOrganisations", List.of("Not an id")), "BAD_USER_INPUT",
                "partnerOrganisations");
        assertRefused(ADD_THEME, input(plan, "title", "Nested", "objectives", List.of(Map.of("title", "Fine"), Map.of("title", ""))),
                "BAD_USER_INPUT", "objectives[1].title");
        assertRefused(ADD_THEME, input("no-such-plan", "title", "Lost"), "NOT_FOUND", "planId");
        assertRefused(UPDATE_THEME, input(plan, "key", "nowhere", "title", "Lost"), "NOT_FOUND", "key");
        assertRefused(UPDATE_THEME, input(plan, "key", "people", "title", ""), "BAD_USER_INPUT", "title");
        assertRefused(UPDATE_THEME, input(plan, "key", "people", "description", "x".repeat(2001)), "BAD_USER_INPUT", "description");
        assertRefused(REMOVE_THEME, input(plan, "key", "people-1"), "NOT_FOUND", "key");
        assertRefused(ADD_OBJECTIVE, input(plan, "themeKey", "nowhere", "title", "Lost"), "NOT_FOUND", "themeKey");
        assertRefused(ADD_OBJECTIVE, input(plan, "themeKey", "people", "key", "place", "title", "Clash"), "BAD_USER_INPUT", "key");
        assertRefused(ADD_OBJECTIVE, input(plan, "themeKey", "people", "title", "Measured", "successMeasures", List.of(" ")),
                "BAD_USER_INPUT", "successMeasures");
        assertRefused(UPDATE_OBJECTIVE, input(plan, "key", "people", "title", "A theme, not an objective"), "NOT_FOUND", "key");
        assertRefused(UPDATE_OBJECTIVE, input(plan, "key", "people-1", "title", " "), "BAD_USER_INPUT", "title");
        assertRefused(REMOVE_OBJECTIVE, input(plan, "key", "nowhere"), "NOT_FOUND", "key");
        assertUnchanged(plan, before);
    }

    private void assertRefused(String mutation, Map<String, Object> variables, String code, String field) {
        GraphQlHttp.Response response = editor.post(mutation, variables);
        assertThat(response.errorCodes()).as(response.body()).containsExactly(code);
        assertThat(response.<String>read("$.errors[0].extensions.field")).as(response.body()).isEqualTo(field);
    }

    /** The plan's themes and objectives are as they were, and no change to them was published. */
    private void assertUnchanged(String planId, Plan before) {
        Plan after = plans.findById(planId).orElseThrow();
        assertThat(after.getThemes()).isEqualTo(before.getThemes());
        assertThat(structureEventsAfterSentinel(planId)).isEmpty();
    }

    /**
     * The types of the plan's theme and objective events on the topic, in order. A last change to the plan goes on the
     * topic behind any event published before it (same key, same partition), so once it is read, every one has been.
     */
    private List<String> structureEventsAfterSentinel(String planId) {
        String sentinel = "Sentinel " + java.util.UUID.randomUUID();
        ok(editor.post("mutation($id: ID!, $title: String!) { updatePlan(input: {id: $id, title: $title}) { plan { id } } }",
                Map.of("id", planId, "title", sentinel)));
        try (TopicReader reader = PlansApi.topic()) {
            reader.readUntil(PlansApi.event(Plan.UPDATED, planId).and(record -> PlansApi.value(record).contains(sentinel)), Duration.ofSeconds(30));
            return reader.seen().stream().filter(record -> planId.equals(record.key()))
                    .map(record -> TopicReader.header(record, "ce_type"))
                    .filter(type -> type.startsWith("org.civicgraph.plans.theme.") || type.startsWith("org.civicgraph.plans.objective."))
                    .toList();
        }
    }

    /** The variables of a mutation: its input, for the plan, with the fields given. */
    private static Map<String, Object> input(String planId, Object... keysAndValues) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("planId", planId);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            input.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.of("input", input);
    }

    private static void ok(GraphQlHttp.Response response) {
        assertThat(response.hasErrors()).as(response.body()).isFalse();
    }

    /** The data of the first of the events, checking its subject. */
    private static DocumentContext data(List<ConsumerRecord<String, byte[]>> events, String subject) {
        assertThat(events).isNotEmpty();
        assertThat(TopicReader.header(events.get(0), "ce_subject")).isEqualTo(subject);
        return JsonPath.parse(PlansApi.value(events.get(0)));
    }
}
