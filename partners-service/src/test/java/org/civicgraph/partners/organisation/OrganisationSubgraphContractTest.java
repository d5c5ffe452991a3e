package org.civicgraph.partners.organisation;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** partners-service as an Apollo Federation 2 subgraph: its SDL and the {@code _entities} resolver for Organisation. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class OrganisationSubgraphContractTest {

    @LocalServerPort
    int port;

    @Test
    void theSubgraphPublishesOrganisationAsAnEntity() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ _service { sdl } }");

        assertThat(response.<String>read("$.data._service.sdl"))
                .contains("specs.apollo.dev/federation/v2")
                .containsPattern("type Organisation implements Partner @key\\(fields : \"id\"")
                .containsPattern("type Unit implements Partner @key\\(fields : \"id\"")
                .containsPattern("type PartnerGroup implements Partner @key\\(fields : \"id\"")
                .as("composable beside the other subgraphs, which page with the same PageInfo")
                .containsPattern("type PageInfo @shareable");
    }

    @Test
    void entitiesResolveInTheOrderAskedAndUnknownIdsResolveToNull() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { _entities(representations: [
                    {__typename: "Organisation", id: "lincolnshire-cc"},
                    {__typename: "Organisation", id: "no-such-organisation"},
                    {__typename: "Organisation", id: "boston-bc"}]) {
                  ... on Organisation { id name } } }""");

        assertThat(response.<List<Object>>read("$.data._entities")).hasSize(3);
        assertThat(response.<String>read("$.data._entities[0].name")).isEqualTo("Lincolnshire County Council");
        assertThat(response.<Object>read("$.data._entities[1]")).isNull();
        assertThat(response.<String>read("$.data._entities[2].id")).isEqualTo("boston-bc");
    }
}
