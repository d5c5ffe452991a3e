package org.civicgraph.gateway.attention;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The needs-attention view with every service unreachable: each part null, its service named once per field. */
@PlatformIntegrationTest
@TestPropertySource(properties = {
        "civicgraph.gateway.services.plans=http://127.0.0.1:9/graphql",
        "civicgraph.gateway.services.contracts=http://127.0.0.1:9/graphql",
        "civicgraph.gateway.services.indicators=http://127.0.0.1:9/graphql"})
class NeedsAttentionWithoutServicesTest {

    @LocalServerPort
    int port;

    @Test
    void everyMissingPartIsNullWithItsServiceAndPathNamed() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { needsAttention(period: "2021/22 Q2", organisation: "boston-bc", area: "E07000136") {
                    period organisation area plans { planId } contractDecisions { dueDate } poorlyRatedContracts { id }
                    indicatorsWorseAndWorsening { area { code } } missedTargets { areaCode } } }""");

        assertThat(response.<String>read("$.data.needsAttention.area")).isEqualTo("E07000136");
        assertThat(response.<String>read("$.data.needsAttention.organisation")).isEqualTo("boston-bc");
        for (String part : List.of("plans", "contractDecisions", "poorlyRatedContracts", "indicatorsWorseAndWorsening", "missedTargets")) {
            assertThat(response.<Object>read("$.data.needsAttention." + part)).as(part).isNull();
        }
        assertThat(response.<List<String>>read("$.errors[*].extensions.code")).hasSize(5).containsOnly("SERVICE_UNAVAILABLE");
        assertThat(response.<List<String>>read("$.errors[*].extensions.service"))
                .containsExactlyInAnyOrder("plans", "contracts", "contracts", "indicators", "indicators");
        assertThat(response.<List<List<String>>>read("$.errors[*].path")).contains(
                List.of("needsAttention", "poorlyRatedContracts"), List.of("needsAttention", "missedTargets"));
    }

    @Test
    void anAreaThatIsNotAnOnsCodeIsABadArgument() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ needsAttention(period: \"2021/22 Q2\", area: \"Boston\") { period } }");

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("area");
    }
}
