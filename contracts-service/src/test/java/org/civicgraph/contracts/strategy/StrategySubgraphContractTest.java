package org.civicgraph.contracts.strategy;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** contracts-service as an Apollo Federation 2 subgraph: its SDL and the {@code _entities} resolver for CommissioningStrategy. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class StrategySubgraphContractTest {

    @LocalServerPort
    int port;

    @Test
    void theSubgraphPublishesCommissioningStrategyAsAnEntity() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ _service { sdl } }");

        assertThat(response.<String>read("$.data._service.sdl"))
                .contains("specs.apollo.dev/federation/v2")
                .containsPattern("type CommissioningStrategy @key\\(fields : \"id\"");
    }

    @Test
    void entitiesResolveInTheOrderAskedAndUnknownIdsResolveToNull() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { _entities(representations: [
                    {__typename: "CommissioningStrategy", id: "learn-and-achieve"},
                    {__typename: "CommissioningStrategy", id: "no-such-strategy"},
                    {__typename: "CommissioningStrategy", id: "children-are-safe-and-healthy"}]) {
                  ... on CommissioningStrategy { id title } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<List<Object>>read("$.data._entities")).hasSize(3);
        assertThat(response.<String>read("$.data._entities[0].title")).isEqualTo("Learn and Achieve");
        assertThat(response.<Object>read("$.data._entities[1]")).isNull();
        assertThat(response.<String>read("$.data._entities[2].id")).isEqualTo("children-are-safe-and-healthy");
    }
}
