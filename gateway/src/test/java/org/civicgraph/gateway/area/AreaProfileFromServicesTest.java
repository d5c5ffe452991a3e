package org.civicgraph.gateway.area;

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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The area profile's plans and activities from a plans-service that answers over HTTP, with the area's place from an
 * indicators-service that does: what plans-service is asked and how often. With the real services see infra/local-stack.
 */
@PlatformIntegrationTest
class AreaProfileFromServicesTest {

    private static final Pattern LIST = Pattern.compile("(\\w+): (plans|activities)\\(filter: \\{area: \"(E\\d+)\"\\}, first: (\\d+)\\)");
    @RegisterExtension
    static final FakeServices services = FakeServices.start(List.of("plans", "indicators"), AreaProfileFromServicesTest::answer);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servicesHere(DynamicPropertyRegistry registry) {
        services.pointGatewayHere(registry);
    }

    @Test
    void plansAndActivitiesTogetherAreOneRequestToPlansService() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { areaProfile(code: "E07000136") { plans { plan { id } via inherited } activities { activity { id } via inherited latest { status } } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<List<String>>read("$.data.areaProfile.plans[*].plan.id")).containsExactly("plan-E07000136", "plan-E10000019");
        assertThat(response.<List<Boolean>>read("$.data.areaProfile.plans[*].inherited")).containsExactly(false, true);
        assertThat(response.<List<String>>read("$.data.areaProfile.activities[*].activity.id")).containsExactly("act-E07000136", "act-E10000019");
        assertThat(response.<List<String>>read("$.data.areaProfile.activities[*].via")).containsExactly("E07000136", "E10000019");
        assertThat(response.<List<String>>read("$.data.areaProfile.activities[*].latest.status")).containsExactly("GREEN", "GREEN");
        assertThat(services.requests("plans")).as("plans and activities of both areas in one request").hasSize(1);
        assertThat(lists(services.requests("plans").get(0))).containsExactly(
                "plans E07000136 50", "plans E10000019 50", "activities E07000136 50", "activities E10000019 50");
    }

    @Test
    void aLineageTooLongForOneRequestHasPlansAndActivitiesAskedForApart() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { areaProfile(code: "E05000001") { plans { plan { id } } activities { activity { id } } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<List<String>>read("$.data.areaProfile.plans[*].plan.id")).hasSize(5);
        assertThat(response.<List<String>>read("$.data.areaProfile.activities[*].activity.id")).hasSize(5);
        assertThat(services.requests("plans")).hasSize(2);
        assertThat(lists(services.requests("plans").get(0))).allMatch(list -> list.startsWith("plans "));
        assertThat(lists(services.requests("plans").get(1))).allMatch(list -> list.startsWith("activities "));
    }

    @Test
    void plansAloneAreAskedForAlone() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { areaProfile(code: "E07000136") { plans { plan { id } } } }""");

        assertThat(response.<List<String>>read("$.data.areaProfile.plans[*].plan.id")).containsExactly("plan-E07000136", "plan-E10000019");
        assertThat(services.requests("plans")).hasSize(1);
        assertThat(lists(services.requests("plans").get(0))).containsExactly("plans E07000136 50", "plans E10000019 50");
    }

    private static List<String> lists(JsonNode request) {
        return LIST.matcher(request.path("query").asString()).results()
                .map(found -> found.group(2) + " " + found.group(3) + " " + found.group(4)).toList();
    }

    private static String answer(String service, JsonNode request) {
        if (service.equals("indicators") && request.path("variables").path("code").asString().equals("E05000001")) {
            return """
                    {"data": {"area": {"code": "E05000001", "name": "A ward", "type": "WARD", "ancestors": [
                      {"code": "E07000136", "name": "Boston", "type": "DISTRICT"}, {"code": "E10000019", "name": "Lincolnshire", "type": "COUNTY"},
                      {"code": "E12000004", "name": "East Midlands", "type": "REGION"}, {"code": "E92000001", "name": "England", "type": "COUNTRY"}],
                      "profile": null}}}""";
        }
        if (service.equals("indicators")) {
            return """
                    {"data": {"area": {"code": "E07000136", "name": "Boston", "type": "DISTRICT",
                      "ancestors": [{"code": "E10000019", "name": "Lincolnshire", "type": "COUNTY"}], "profile": null}}}""";
        }
        String lists = LIST.matcher(request.path("query").asString()).results().map(found -> {
            String area = found.group(3);
            String node = found.group(2).equals("plans")
                    ? """
                    {"id": "plan-%1$s", "title": "Plan for %1$s", "ownerOrganisation": "org", "kind": "CORPORATE_PLAN", "period": "2021-2025"}"""
                    .formatted(area)
                    : """
                    {"id": "act-%1$s", "planId": "plan-%1$s", "reference": "A1", "description": "One", "leadOrganisation": null,
                     "partnerOrganisations": [], "history": {"edges": [{"node": {"period": "2021/22 Q2", "status": "GREEN", "behindPlan": false}}]}}"""
                    .formatted(area);
            return "\"" + found.group(1) + "\": {\"edges\": [{\"node\": " + node + "}]}";
        }).collect(Collectors.joining(", "));
        return "{\"data\": {" + lists + "}}";
    }
}
