package org.civicgraph.indicators.area;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** indicators-service as an Apollo Federation 2 subgraph: its SDL and the {@code _entities} resolver for Area. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class AreaSubgraphContractTest {

    @LocalServerPort
    int port;

    @Test
    void theSubgraphPublishesAreaAsAnEntityKeyedByCode() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ _service { sdl } }");

        assertThat(response.<String>read("$.data._service.sdl"))
                .contains("specs.apollo.dev/federation/v2")
                .containsPattern("type Area @key\\(fields : \"code\"")
                .as("composable beside the other subgraphs, which page with the same PageInfo")
                .containsPattern("type PageInfo @shareable");
    }

    @Test
    void entitiesResolveInTheOrderAskedAndUnknownCodesResolveToNull() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { _entities(representations: [
                    {__typename: "Area", code: "E10000019"},
                    {__typename: "Area", code: "E99999999"},
                    {__typename: "Area", code: "E07000136"}]) {
                  ... on Area { code name parent { code } } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<List<Object>>read("$.data._entities")).hasSize(3);
        assertThat(response.<String>read("$.data._entities[0].name")).isEqualTo("Lincolnshire");
        assertThat(response.<Object>read("$.data._entities[1]")).isNull();
        assertThat(response.<String>read("$.data._entities[2].code")).isEqualTo("E07000136");
        assertThat(response.<String>read("$.data._entities[2].parent.code")).isEqualTo("E10000019");
    }
}
