package org.civicgraph.plans.plan;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.plans.plan.TestPlans.CREATE;
import static org.civicgraph.plans.plan.TestPlans.newPlan;
import static org.civicgraph.plans.plan.TestPlans.uniqueId;

@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class PlanApiTest {

    private static final String TOPIC = "civicgraph.plans.v1";
    private static final String DEMO_PLAN = "lincolnshire-cc-corporate-plan";
    private static final String UPDATE = """
            mutation($input: UpdatePlanInput!) {
              updatePlan(input: $input) { plan { id title period visibility } }
            }""";
    private static final String IDS_OF_LINCOLNSHIRE_CC_PLANS = """
            { plans(filter: {ownerOrganisation: "lincolnshire-cc"}, first: 100) { edges { node { id } } } }""";

    @LocalServerPort
    int port;

    @Autowired
    Plans plans;

    GraphQlHttp graphql;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
    }

    @Test
    void anyoneCanReadADemoPlanWithItsThemesAndObjectives() {
        GraphQlHttp.Response response = graphql.post("""
                { plan(id: "lincolnshire-cc-corporate-plan") {
                    ownerOrganisation title kind period periodNote themeLabel objectiveLabel areas visibility
                    themes { title objectives { title } } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.plan.title")).isEqualTo("Lincolnshire County Council Corporate Plan");
        assertThat(response.<String>read("$.data.plan.kind")).isEqualTo("CORPORATE_PLAN");
        assertThat(response.<String>read("$.data.plan.period")).isEqualTo("2020-2024");
        assertThat(response.<String>read("$.data.plan.periodNote")).startsWith("Neither seed states");
        assertThat(response.<String>read("$.data.plan.themeLabel")).isEqualTo("Ambition");
        assertThat(response.<List<String>>read("$.data.plan.areas")).containsExactly("E10000019");
        assertThat(response.<String>read("$.data.plan.visibility")).isEqualTo("PUBLIC");
        assertThat(response.<List<String>>read("$.data.plan.themes[*].title")).containsExactly("Support high aspirations",
                "Enable everyone to enjoy life to the full", "Create thriving environments", "Provide good-value council services");
        assertThat(response.<List<String>>read("$.data.plan.themes[3].objectives[*].title")).hasSize(8)
                .contains("Shout loud and proud for Lincolnshire to achieve our ambitions");
    }

    @Test
    void plansAreFilteredByAreaKindAndOwner() {
        GraphQlHttp.Response response = graphql.post("""
                { boston: plans(filter: {area: "E07000136"}, first: 100) { edges { node { id } } }
                  strategicPlans: plans(filter: {kind: STRATEGIC_PLAN}, first: 100) { edges { node { id } } }
                  leicestershire: plans(filter: {ownerOrganisation: "leicestershire-cc"}, first: 100) { edges { node { id } } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<List<String>>read("$.data.boston.edges[*].node.id"))
                .contains("lincolnshire-districts-health-wellbeing-strategy").doesNotContain(DEMO_PLAN);
        assertThat(response.<List<String>>read("$.data.strategicPlans.edges[*].node.id"))
                .contains("leicestershire-cc-strategic-plan-2022-26").doesNotContain(DEMO_PLAN);
        assertThat(response.<List<String>>read("$.data.leicestershire.edges[*].node.id"))
                .containsExactly("leicestershire-cc-strategic-plan-2022-26");
    }

    @Test
    void plansArePagedWithCursors() {
        String page = """
                query($after: String) { plans(first: 2, after: $after) {
                  edges { node { id } } pageInfo { hasNextPage endCursor } } }""";
        GraphQlHttp.Response first = graphql.post(page);
        GraphQlHttp.Response second = graphql.post(page, Map.of("after", first.<String>read("$.data.plans.pageInfo.endCursor")));

        assertThat(first.<List<String>>read("$.data.plans.edges[*].node.id")).hasSize(2);
        assertThat(first.<Boolean>read("$.data.plans.pageInfo.hasNextPage")).isTrue();
        assertThat(second.<List<String>>read("$.data.plans.edges[*].node.id")).isNotEmpty()
                .doesNotContainAnyElementsOf(first.read("$.data.plans.edges[*].node.id"));
    }

    @Test
    void aPageLargerThanTheLimitIsRefusedNamingTheArgument() {
        GraphQlHttp.Response response = graphql.post("{ plans(first: 5000) { edges { node { id } } } }");

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("first");
    }

    @Test
    void anEditorCreatesAPlanForTheirOrganisationAndItsCreationIsPublished() {
        String id = uniqueId("lcc-climate-strategy");
        Map<String, Object> input = newPlan(id, "lincolnshire-cc");
        input.put("themeLabel", "Priority");
        input.put("areas", List.of("E10000019"));
        input.put("themes", List.of(Map.of("title", "Net zero", "objectives", List.of(Map.of("title", "Cut council emissions")))));

        GraphQlHttp.Response response = graphql.as("lincolnshire-cc", "editor").post(CREATE, Map.of("input", input));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.createPlan.plan.id")).isEqualTo(id);
        assertThat(response.<String>read("$.data.createPlan.plan.visibility")).isEqualTo("PUBLIC");
        assertThat(response.<String>read("$.data.createPlan.plan.themeLabel")).isEqualTo("Priority");
        assertThat(response.<String>read("$.data.createPlan.plan.objectiveLabel")).isEqualTo("Objective");
        assertThat(response.<String>read("$.data.createPlan.plan.themes[0].objectives[0].title")).isEqualTo("Cut council emissions");
        assertThat(plans.findById(id)).isPresent();
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            ConsumerRecord<String, byte[]> event = firstEvent(reader, Plan.CREATED, id);
            assertThat(TopicReader.header(event, "ce_source")).isEqualTo("/civicgraph/plans-service");
            assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("plans/" + id);
            DocumentContext data = JsonPath.parse(new String(event.value()));
            assertThat(data.<String>read("$.id")).isEqualTo(id);
            assertThat(data.<String>read("$.ownerOrganisation")).isEqualTo("lincolnshire-cc");
            assertThat(data.<String>read("$.createdBy")).isEqualTo("test-user@lincolnshire-cc");
        }
    }

    @Test
    void anEditorChangesTheirOwnPlanAndTheChangesArePublishedWithOldAndNewValues() {
        String id = createAsEditor(newPlan(uniqueId("lcc-renamed"), "lincolnshire-cc"));

        GraphQlHttp.Response response = graphql.as("lincolnshire-cc", "admin").post(UPDATE,
                Map.of("input", Map.of("id", id, "title", "Renamed plan", "period", "2022-26", "visibility", "INTERNAL")));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.updatePlan.plan.title")).isEqualTo("Renamed plan");
        assertThat(response.<String>read("$.data.updatePlan.plan.visibility")).isEqualTo("INTERNAL");
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            ConsumerRecord<String, byte[]> event = firstEvent(reader, Plan.UPDATED, id);
            assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("plans/" + id);
            DocumentContext data = JsonPath.parse(new String(event.value()));
            assertThat(data.<String>read("$.changedBy")).isEqualTo("test-user@lincolnshire-cc");
            assertThat(data.<String>read("$.changes.title.old")).isEqualTo("Test plan " + id);
            assertThat(data.<String>read("$.changes.title.new")).isEqualTo("Renamed plan");
            assertThat(data.<String>read("$.changes.period.old")).isEqualTo("2024-2028");
            assertThat(data.<String>read("$.changes.period.new")).isEqualTo("2022-26");
            assertThat(data.<String>read("$.changes.visibility.new")).isEqualTo("INTERNAL");
        }
    }

    @Test
    void anEditorOfAnotherOrganisationCannotChangeAPlan() {
        GraphQlHttp.Response response = graphql.as("boston-bc", "editor", "admin").post(UPDATE,
                Map.of("input", Map.of("id", DEMO_PLAN, "title", "Taken over")));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(plans.findById(DEMO_PLAN).orElseThrow().getTitle()).isEqualTo("Lincolnshire County Council Corporate Plan");
    }

    @Test
    void aViewerCanNeitherCreateNorChangeTheirOrganisationsPlans() {
        String id = uniqueId("lcc-by-viewer");
        GraphQlHttp viewer = graphql.as("lincolnshire-cc", "viewer");

        GraphQlHttp.Response create = viewer.post(CREATE, Map.of("input", newPlan(id, "lincolnshire-cc")));
        GraphQlHttp.Response update = viewer.post(UPDATE, Map.of("input", Map.of("id", DEMO_PLAN, "title", "Renamed")));

        assertThat(create.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(update.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(plans.existsById(id)).isFalse();
        assertThat(plans.findById(DEMO_PLAN).orElseThrow().getTitle()).isEqualTo("Lincolnshire County Council Corporate Plan");
    }

    @Test
    void anAnonymousCallerMustSignInToCreateOrChangeAPlan() {
        String id = uniqueId("anonymous");

        GraphQlHttp.Response create = graphql.post(CREATE, Map.of("input", newPlan(id, "lincolnshire-cc")));
        GraphQlHttp.Response update = graphql.post(UPDATE, Map.of("input", Map.of("id", DEMO_PLAN, "title", "Renamed")));

        assertThat(create.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(update.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(plans.existsById(id)).isFalse();
        assertThat(plans.findById(DEMO_PLAN).orElseThrow().getTitle()).isEqualTo("Lincolnshire County Council Corporate Plan");
    }

    @Test
    void anInvalidNewPlanIsRefusedNamingTheFieldAndNothingIsStored() {
        GraphQlHttp editor = graphql.as("lincolnshire-cc", "editor");
        Map<String, Object> badId = newPlan("Not A Slug", "lincolnshire-cc");
        String id = uniqueId("lcc-backwards");
        Map<String, Object> backwardsPeriod = newPlan(id, "lincolnshire-cc");
        backwardsPeriod.put("period", "2024-2020");

        GraphQlHttp.Response idResponse = editor.post(CREATE, Map.of("input", badId));
        GraphQlHttp.Response periodResponse = editor.post(CREATE, Map.of("input", backwardsPeriod));

        assertThat(idResponse.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(idResponse.<String>read("$.errors[0].extensions.field")).isEqualTo("id");
        assertThat(periodResponse.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(periodResponse.<String>read("$.errors[0].extensions.field")).isEqualTo("period");
        assertThat(plans.existsById("Not A Slug")).isFalse();
        assertThat(plans.existsById(id)).isFalse();
    }

    @Test
    void anInvalidChangeIsRefusedNamingTheFieldAndNothingChanges() {
        String id = createAsEditor(newPlan(uniqueId("lcc-long-title"), "lincolnshire-cc"));

        GraphQlHttp.Response response = graphql.as("lincolnshire-cc", "editor").post(UPDATE,
                Map.of("input", Map.of("id", id, "title", "x".repeat(PlanInputRules.MAX_TITLE + 1), "visibility", "INTERNAL")));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("title");
        assertThat(response.<String>read("$.errors[0].message")).contains("300");
        Plan stored = plans.findById(id).orElseThrow();
        assertThat(stored.getTitle()).isEqualTo("Test plan " + id);
        assertThat(stored.getVisibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void changingAPlanThatDoesNotExistIsNotFound() {
        GraphQlHttp.Response response = graphql.as("lincolnshire-cc", "editor").post(UPDATE,
                Map.of("input", Map.of("id", "no-such-plan", "title", "Anything")));

        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("id");
    }

    @Test
    void anInternalPlanIsHiddenFromAnonymousCallersAndReadableByAnySignedInUser() {
        Map<String, Object> input = newPlan(uniqueId("lcc-internal"), "lincolnshire-cc");
        input.put("visibility", "INTERNAL");
        String id = createAsEditor(input);
        String read = "{ plan(id: \"" + id + "\") { title visibility } }";

        GraphQlHttp.Response anonymousRead = graphql.post(read);
        GraphQlHttp.Response anonymousList = graphql.post(IDS_OF_LINCOLNSHIRE_CC_PLANS);
        GraphQlHttp otherOrganisation = graphql.as("boston-bc", "viewer");
        GraphQlHttp.Response signedInRead = otherOrganisation.post(read);
        GraphQlHttp.Response signedInList = otherOrganisation.post(IDS_OF_LINCOLNSHIRE_CC_PLANS);

        assertThat(anonymousRead.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(anonymousRead.<Object>read("$.data.plan")).isNull();
        assertThat(anonymousList.<List<String>>read("$.data.plans.edges[*].node.id")).contains(DEMO_PLAN).doesNotContain(id);
        assertThat(signedInRead.hasErrors()).as(signedInRead.body()).isFalse();
        assertThat(signedInRead.<String>read("$.data.plan.visibility")).isEqualTo("INTERNAL");
        assertThat(signedInList.<List<String>>read("$.data.plans.edges[*].node.id")).contains(DEMO_PLAN, id);
    }

    @Test
    void aSecondPlanWithTheSameIdIsAConflictAndNothingIsPublished() {
        Map<String, Object> original = newPlan(uniqueId("lcc-duplicate"), "lincolnshire-cc");
        String id = createAsEditor(original);
        Map<String, Object> duplicate = new LinkedHashMap<>(original);
        duplicate.put("title", "Someone else's plan");

        GraphQlHttp.Response response = graphql.as("lincolnshire-cc", "editor").post(CREATE, Map.of("input", duplicate));
        String later = createAsEditor(newPlan(uniqueId("lcc-after-duplicate"), "lincolnshire-cc"));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("id");
        assertThat(plans.findById(id).orElseThrow().getTitle()).isEqualTo("Test plan " + id);
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            firstEvent(reader, Plan.CREATED, id);
            firstEvent(reader, Plan.CREATED, later);
            assertThat(reader.seen()).filteredOn(event(Plan.CREATED, id)).hasSize(1);
        }
    }

    /** Creates the plan as an editor of its owner and returns its id. */
    private String createAsEditor(Map<String, Object> input) {
        GraphQlHttp.Response response = graphql.as((String) input.get("ownerOrganisation"), "editor")
                .post(CREATE, Map.of("input", input));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response.read("$.data.createPlan.plan.id");
    }

    private static Predicate<ConsumerRecord<String, byte[]>> event(String type, String planId) {
        return TopicReader.withHeader("ce_type", type).and(record -> planId.equals(record.key()));
    }

    private static ConsumerRecord<String, byte[]> firstEvent(TopicReader reader, String type, String planId) {
        return reader.readUntil(event(type, planId), Duration.ofSeconds(30)).stream()
                .filter(event(type, planId)).findFirst().orElseThrow();
    }
}
