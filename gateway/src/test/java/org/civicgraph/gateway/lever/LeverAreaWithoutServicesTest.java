package org.civicgraph.gateway.lever;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lever-area view with every service unreachable: each part null, its service named; with services up see infra/local-stack. */
@PlatformIntegrationTest
@TestPropertySource(properties = {
        "civicgraph.gateway.services.plans=http://127.0.0.1:9/graphql",
        "civicgraph.gateway.services.indicators=http://127.0.0.1:9/graphql",
        "civicgraph.gateway.services.partners=http://127.0.0.1:9/graphql"})
class LeverAreaWithoutServicesTest {

    @LocalServerPort
    int port;

    @Test
    void everyMissingPartIsNamedWithItsService() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { leverArea(area: HOUSING_AND_HOMELESSNESS) { area areaCode themes { theme { key } } partnerships { id } indicators { indicator { id } } } }""");

        assertThat(response.<String>read("$.data.leverArea.area")).isEqualTo("HOUSING_AND_HOMELESSNESS");
        assertThat(response.<String>read("$.data.leverArea.areaCode")).isEqualTo("E10000019");
        assertThat(response.<Object>read("$.data.leverArea.themes")).isNull();
        assertThat(response.<Object>read("$.data.leverArea.partnerships")).isNull();
        assertThat(response.<Object>read("$.data.leverArea.indicators")).isNull();
        assertThat(response.<List<String>>read("$.errors[*].extensions.service")).containsExactlyInAnyOrder("plans", "partners", "indicators");
    }

    @Test
    void anAreaCodeThatIsNotAnOnsCodeIsABadArgument() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ leverArea(area: ECONOMIC_INCLUSION, areaCode: \"Lincs\") { area } }");

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("areaCode");
    }
}
