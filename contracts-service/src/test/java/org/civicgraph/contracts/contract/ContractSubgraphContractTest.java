package org.civicgraph.contracts.contract;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** contracts-service as a Federation 2 subgraph: Contract as an entity, and the Organisation and Area it extends. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ContractSubgraphContractTest {

    @LocalServerPort
    int port;

    @Test
    void theSubgraphPublishesContractAndExtendsOrganisationAndArea() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ _service { sdl } }");

        assertThat(response.<String>read("$.data._service.sdl"))
                .containsPattern("type Contract @key\\(fields : \"id\"")
                .containsPattern("type Organisation @key\\(fields : \"id\"")
                .containsPattern("type Area @key\\(fields : \"code\"");
    }

    @Test
    void contractEntitiesResolveInTheOrderAskedAndUnknownIdsResolveToNull() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { _entities(representations: [
                    {__typename: "Contract", id: "library-services"},
                    {__typename: "Contract", id: "no-such-contract"},
                    {__typename: "Contract", id: "camhs"}]) {
                  ... on Contract { id provider period { maxExtentDate } } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<List<Object>>read("$.data._entities")).hasSize(3);
        assertThat(response.<String>read("$.data._entities[0].provider")).isEqualTo("Greenwich Leisure Limited (GLL)");
        assertThat(response.<Object>read("$.data._entities[1]")).isNull();
        assertThat(response.<String>read("$.data._entities[2].period.maxExtentDate")).isEqualTo("2019-03-31");
    }

    @Test
    void anAreaListsTheContractsServingIt() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { _entities(representations: [{__typename: "Area", code: "E07000141"}]) {
                  ... on Area { code contractsServing(first: 100) { edges { node { inherited contract { id } } } } } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<List<String>>read("$.data._entities[0].contractsServing.edges[?(@.node.inherited == false)].node.contract.id"))
                .containsExactly("k31-grantham");
    }
}
