package org.civicgraph.gateway.lever;

import org.civicgraph.gateway.downstream.FakeServices;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lever-area view over a plans-service that answers over HTTP: twelve plans with a housing theme each, whose
 * activities together would exceed the service's complexity limit in one request. With the real services see
 * infra/local-stack.
 */
@PlatformIntegrationTest
class LeverAreaFromServicesTest {

    private static final int PLANS = 12;
    private static final Pattern ALIAS = Pattern.compile("a(\\d+): activities\\(filter: \\{[^}]*planId: \"(plan-\\d+)\"");
    @RegisterExtension
    static final FakeServices services = FakeServices.start(List.of("plans"), LeverAreaFromServicesTest::answer);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servicesHere(DynamicPropertyRegistry registry) {
        services.pointGatewayHere(registry);
        registry.add("civicgraph.gateway.services.indicators", () -> "http://127.0.0.1:9/graphql");
        registry.add("civicgraph.gateway.services.partners", () -> "http://127.0.0.1:9/graphql");
    }

    @Test
    void manyThemesHaveTheirActivitiesAskedForInRequestsThatStayWithinTheServicesLimits() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { leverArea(area: HOUSING_AND_HOMELESSNESS) { themes { plan { id } theme { key } activities { id reference } } } }""");

        List<String> plans = response.read("$.data.leverArea.themes[*].plan.id");
        assertThat(plans).containsExactlyElementsOf(IntStream.range(0, PLANS).mapToObj(i -> "plan-" + i).toList());
        for (int i = 0; i < PLANS; i++) {
            assertThat(response.<List<String>>read("$.data.leverArea.themes[" + i + "].activities[*].id"))
                    .as("plan-%d's own activities", i).containsExactly("plan-" + i + "/A1", "plan-" + i + "/A2");
        }
        List<JsonNode> activityRequests = services.requests("plans").stream()
                .filter(request -> request.path("query").asString().contains("activities(")).toList();
        assertThat(activityRequests).hasSize((PLANS + LeverAreaController.THEMES_PER_REQUEST - 1) / LeverAreaController.THEMES_PER_REQUEST);
        assertThat(activityRequests).allSatisfy(request -> assertThat(aliases(request)).hasSizeLessThanOrEqualTo(LeverAreaController.THEMES_PER_REQUEST));
    }

    private static List<String> aliases(JsonNode request) {
        Matcher matcher = ALIAS.matcher(request.path("query").asString());
        return matcher.results().map(found -> found.group(1)).toList();
    }

    private static String answer(String service, JsonNode request) {
        String query = request.path("query").asString();
        if (!query.contains("activities(")) {
            return "{\"data\": {\"plans\": {\"edges\": [" + IntStream.range(0, PLANS).mapToObj(i -> """
                    {"node": {"id": "plan-%1$d", "title": "Plan %1$d", "ownerOrganisation": "org-%1$d", "kind": "CORPORATE_PLAN", "period": "2021-2025",
                      "themes": [{"key": "housing-and-homelessness", "title": "Housing", "description": null, "partnerOrganisations": [],
                                  "objectives": []}]}}""".formatted(i)).collect(Collectors.joining(", ")) + "]}}}";
        }
        String pages = ALIAS.matcher(query).results().map(alias -> """
                "a%1$s": {"edges": [
                  {"node": {"id": "%2$s/A1", "planId": "%2$s", "reference": "A1", "description": "One", "leadOrganisation": null, "partnerOrganisations": []}},
                  {"node": {"id": "%2$s/A2", "planId": "%2$s", "reference": "A2", "description": "Two", "leadOrganisation": null, "partnerOrganisations": []}}]}"""
                .formatted(alias.group(1), alias.group(2))).collect(Collectors.joining(", "));
        return "{\"data\": {" + pages + "}}";
    }
}
