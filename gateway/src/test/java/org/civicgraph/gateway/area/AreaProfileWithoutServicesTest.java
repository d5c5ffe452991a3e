package org.civicgraph.gateway.area;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway with every service unreachable (nothing listens on their ports): each part of the view is null with
 * an error naming its service and path, and the request itself still succeeds. The whole stack, with services up,
 * is tested in infra/local-stack.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {
        "civicgraph.gateway.services.plans=http://127.0.0.1:9/graphql",
        "civicgraph.gateway.services.contracts=http://127.0.0.1:9/graphql",
        "civicgraph.gateway.services.indicators=http://127.0.0.1:9/graphql",
        "civicgraph.gateway.services.partners=http://127.0.0.1:9/graphql"})
class AreaProfileWithoutServicesTest {

    @LocalServerPort
    int port;

    @Test
    void everyMissingPartIsNamedWithItsService() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { areaProfile(code: "E07000136") { code area { name } partners { via } plans { via }
                    indicators { benchmark } activities { via } contracts { recordedFor } } }""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<String>read("$.data.areaProfile.code")).isEqualTo("E07000136");
        assertThat(response.<Object>read("$.data.areaProfile.area")).isNull();
        assertThat(response.<Object>read("$.data.areaProfile.partners")).isNull();
        assertThat(response.<Object>read("$.data.areaProfile.plans")).isNull();
        assertThat(response.errorCodes()).containsOnly("SERVICE_UNAVAILABLE");
        assertThat(response.<Object>read("$.data.areaProfile.indicators")).isNull();
        assertThat(response.<Object>read("$.data.areaProfile.activities")).isNull();
        assertThat(response.<Object>read("$.data.areaProfile.contracts")).isNull();
        assertThat(response.<List<String>>read("$.errors[*].extensions.service"))
                .containsExactlyInAnyOrder("indicators", "partners", "plans", "indicators", "plans", "contracts");
        assertThat(response.<List<String>>read("$.errors[*].path[1]"))
                .containsExactlyInAnyOrder("area", "partners", "plans", "indicators", "activities", "contracts");
    }

    @Test
    void aCodeThatIsNotAnOnsCodeIsRefusedBeforeAnyServiceIsCalled() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ areaProfile(code: \"Boston\") { code } }");

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("code");
    }
}
