package org.civicgraph.plans.plan;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** plans-service as an Apollo Federation 2 subgraph: its SDL and the {@code _entities} resolver for Plan. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class PlanSubgraphContractTest {

    @LocalServerPort
    int port;

    @Test
    void theSubgraphPublishesPlanAsAnEntity() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ _service { sdl } }");

        assertThat(response.<String>read("$.data._service.sdl"))
                .contains("specs.apollo.dev/federation/v2")
                .containsPattern("type Plan @key\\(fields : \"id\"");
    }

    @Test
    void entitiesResolveInTheOrderAskedAndUnknownIdsResolveToNull() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { _entities(representations: [
                    {__typename: "Plan", id: "lincolnshire-cc-corporate-plan"},
                    {__typename: "Plan", id: "no-such-plan"},
                    {__typename: "Plan", id: "leicestershire-cc-strategic-plan-2022-26"}]) {
                  ... on Plan { id title themeLabel } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<List<Object>>read("$.data._entities")).hasSize(3);
        assertThat(response.<String>read("$.data._entities[0].title")).isEqualTo("Lincolnshire County Council Corporate Plan");
        assertThat(response.<Object>read("$.data._entities[1]")).isNull();
        assertThat(response.<String>read("$.data._entities[2].id")).isEqualTo("leicestershire-cc-strategic-plan-2022-26");
        assertThat(response.<String>read("$.data._entities[2].themeLabel")).isEqualTo("Outcome");
    }

    @Test
    void anInternalPlanResolvesOnlyForSignedInCallers() {
        Map<String, Object> input = TestPlans.newPlan(TestPlans.uniqueId("lcc-internal-entity"), "lincolnshire-cc");
        input.put("visibility", "INTERNAL");
        GraphQlHttp.Response created = GraphQlHttp.onPort(port).as("lincolnshire-cc", "editor")
                .post(TestPlans.CREATE, Map.of("input", input));
        assertThat(created.hasErrors()).as(created.body()).isFalse();
        String entities = "{ _entities(representations: [{__typename: \"Plan\", id: \"" + input.get("id") + "\"}]) { ... on Plan { id } } }";

        GraphQlHttp.Response anonymous = GraphQlHttp.onPort(port).post(entities);
        GraphQlHttp.Response signedIn = GraphQlHttp.onPort(port).as("boston-bc", "viewer").post(entities);

        assertThat(anonymous.<Object>read("$.data._entities[0]")).isNull();
        assertThat(signedIn.<String>read("$.data._entities[0].id")).isEqualTo(input.get("id"));
    }
}
