package org.civicgraph.plans.activity;

import org.civicgraph.plans.PlansApi;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Activity as an Apollo Federation 2 entity of the plans subgraph, resolved by {@code _entities}. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ActivitySubgraphContractTest {

    private static final String ENTITIES = """
            query($representations: [_Any!]!) { _entities(representations: $representations) {
              ... on Activity { id reference description plan { title } } } }""";

    @LocalServerPort
    int port;

    @Test
    void theSubgraphPublishesActivityAsAnEntity() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ _service { sdl } }");

        assertThat(response.<String>read("$.data._service.sdl")).containsPattern("type Activity @key\\(fields : \"id\"");
    }

    @Test
    void entitiesResolveInTheOrderAskedAndUnknownIdsResolveToNull() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post(ENTITIES, Map.of("representations", List.of(
                Map.of("__typename", "Activity", "id", "lincolnshire-districts-health-wellbeing-strategy/housing-and-homelessness/1.1"),
                Map.of("__typename", "Activity", "id", "no-such-plan/A1"),
                Map.of("__typename", "Activity", "id", "lincolnshire-cc-corporate-plan/A9"))));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data._entities[0].reference")).isEqualTo("1.1");
        assertThat(response.<Object>read("$.data._entities[1]")).isNull();
        assertThat(response.<String>read("$.data._entities[2].plan.title")).isEqualTo("Lincolnshire County Council Corporate Plan");
    }

    @Test
    void anActivityOfAnInternalPlanResolvesOnlyForSignedInCallers() {
        PlansApi api = new PlansApi(port);
        Map<String, Object> plan = api.newPlan("boston-bc", false);
        plan.put("visibility", "INTERNAL");
        String id = api.createActivity("boston-bc", api.createPlan(plan), "A1", "people-1");
        Map<String, Object> representations = Map.of("representations", List.of(Map.of("__typename", "Activity", "id", id)));

        GraphQlHttp.Response anonymous = api.anonymous().post(ENTITIES, representations);
        GraphQlHttp.Response signedIn = api.as("lincolnshire-cc", "viewer").post(ENTITIES, representations);
        GraphQlHttp.Response anonymousSearch = api.anonymous().post("{ activities(filter: {organisation: \"boston-bc\"}, first: 100) { edges { node { id } } } }");

        assertThat(anonymous.<Object>read("$.data._entities[0]")).isNull();
        assertThat(signedIn.<String>read("$.data._entities[0].id")).isEqualTo(id);
        assertThat(anonymousSearch.<List<String>>read("$.data.activities.edges[*].node.id")).doesNotContain(id);
    }
}
