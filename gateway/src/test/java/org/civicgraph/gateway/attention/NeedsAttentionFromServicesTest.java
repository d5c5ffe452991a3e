package org.civicgraph.gateway.attention;

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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The needs-attention view over three services that answer over HTTP as plans-, contracts- and indicators-service
 * answer: what the gateway asks each of them, how often, and what it makes of the answers. With the real services
 * see infra/local-stack.
 */
@PlatformIntegrationTest
class NeedsAttentionFromServicesTest {

    @RegisterExtension
    static final FakeServices services = FakeServices.start(List.of("plans", "contracts", "indicators"),
            NeedsAttentionFromServicesTest::answer);

    private static final String FULL_VIEW = """
            query($area: ID) { needsAttention(period: "2021/22 Q2", organisation: "boston-bc", area: $area) {
              plans { planId title counts { behindPlan notReported } behindPlan { activity { id } }
                      overdueMilestones { activity { id reference } milestone { id text dueDate status } } notReported { id reference } }
              contractDecisions { kind contract { id } } poorlyRatedContracts { id service latestRating { label } }
              indicatorsWorseAndWorsening { area { code } entry { indicator { id } } }
              missedTargets { indicator { id } areaCode period { label } target verdict reportedVerdict } } }""";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servicesHere(DynamicPropertyRegistry registry) {
        services.pointGatewayHere(registry);
    }

    @Test
    void listsWhatNeedsAttentionAskingEachServiceOncePerLevel() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post(FULL_VIEW);

        assertThat(response.toString()).as("no errors").doesNotContain("\"errors\"");
        assertThat(response.<List<String>>read("$.data.needsAttention.plans[*].planId")).containsExactly("plan-a", "plan-b");
        assertThat(response.<List<String>>read("$.data.needsAttention.plans[0].overdueMilestones[*].milestone.text"))
                .containsExactly("Open the hub by March");
        assertThat(response.<List<String>>read("$.data.needsAttention.plans[1].notReported[*].reference")).containsExactly("B2");
        assertThat(response.<List<String>>read("$.data.needsAttention.contractDecisions[*].contract.id")).containsExactly("c1", "c2");
        assertThat(response.<List<String>>read("$.data.needsAttention.poorlyRatedContracts[*].id")).containsExactly("c2", "c3");
        assertThat(response.<List<String>>read("$.data.needsAttention.indicatorsWorseAndWorsening[*].area.code"))
                .containsExactly("E07000136", "E07000137");
        // obesity's latest target (2018/19) was achieved, so only the smoking target counts, on the reported verdict;
        // the missed wages target is another organisation's
        assertThat(response.<List<String>>read("$.data.needsAttention.missedTargets[*].indicator.id")).containsExactly("smoking");
        assertThat(response.<List<String>>read("$.data.needsAttention.missedTargets[*].reportedVerdict")).containsExactly("NOT_ACHIEVED");

        assertThat(services.requests("plans")).as("the plans, then all their reports").hasSize(2);
        assertThat(services.requests("plans").get(1).path("query").asString()).contains("r0: exceptionReport", "r1: exceptionReport");
        assertThat(services.requests("contracts")).as("decisions and ratings in one request").hasSize(1);
        assertThat(services.requests("indicators")).as("red-red findings and targets in one request").hasSize(1);
        assertThat(services.requests("plans").get(0).path("variables").path("owner").asString()).isEqualTo("boston-bc");
    }

    @Test
    void forAnAreaOnlyWhatConcernsTheAreaIsListed() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post(FULL_VIEW, Map.of("area", "E07000136"));

        assertThat(response.toString()).as("no errors").doesNotContain("\"errors\"");
        assertThat(services.requests("plans").get(0).path("variables").path("area").asString()).isEqualTo("E07000136");
        assertThat(services.requests("contracts").get(0).path("query").asString()).contains("contractsServingArea");
        // c3 serves the area but belongs to another organisation; c1 has a decision due but does not serve the area
        assertThat(response.<List<String>>read("$.data.needsAttention.poorlyRatedContracts[*].id")).containsExactly("c2");
        assertThat(response.<List<String>>read("$.data.needsAttention.contractDecisions[*].contract.id")).containsExactly("c2");
        assertThat(response.<List<String>>read("$.data.needsAttention.indicatorsWorseAndWorsening[*].area.code")).containsExactly("E07000136");
        assertThat(services.requests("indicators").get(0).path("variables").path("area").asString()).isEqualTo("E07000136");
    }

    @Test
    void askingForOneFieldOfAServiceAsksThatServiceOnce() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { needsAttention(period: "2021/22 Q2") { poorlyRatedContracts { id } } }""");

        assertThat(response.<List<String>>read("$.data.needsAttention.poorlyRatedContracts[*].id")).containsExactly("c2", "c3");
        assertThat(services.asked()).containsExactly("contracts");
        assertThat(services.requests("contracts")).hasSize(1);
    }

    @Test
    void forEveryoneTheMissedTargetsOfEveryOrganisationAreListed() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { needsAttention(period: "2021/22 Q2") { missedTargets { indicator { id } } } }""");

        assertThat(response.<List<String>>read("$.data.needsAttention.missedTargets[*].indicator.id")).containsExactlyInAnyOrder("smoking", "wages");
    }

    private static String answer(String service, JsonNode request) {
        String query = request.path("query").asString();
        return switch (service) {
            case "plans" -> query.contains("exceptionReport") ? """
                    {"data": {
                      "r0": {"counts": {"behindPlan": 1, "overdueMilestones": 1, "notReported": 0, "missingExplanations": 0},
                             "behindPlan": {"edges": [{"node": {"activity": {"id": "plan-a/A1", "reference": "A1", "description": "Hub"},
                                                                "update": {"status": "Red", "explanation": "Builder late"}}}]},
                             "overdueMilestones": {"edges": [{"node": {"activity": {"id": "plan-a/A1", "reference": "A1", "description": "Hub"},
                                 "milestone": {"id": "m1", "text": "Open the hub by March", "dueDate": "2021-03-31", "status": "SCHEDULED", "revisedDueDate": null}}}]},
                             "notReported": {"edges": []}},
                      "r1": {"counts": {"behindPlan": 0, "overdueMilestones": 0, "notReported": 1, "missingExplanations": 0},
                             "behindPlan": {"edges": []}, "overdueMilestones": {"edges": []},
                             "notReported": {"edges": [{"node": {"id": "plan-b/B2", "reference": "B2", "description": "Parks"}}]}}}}"""
                    : """
                    {"data": {"plans": {"edges": [{"node": {"id": "plan-a", "title": "Plan A"}}, {"node": {"id": "plan-b", "title": "Plan B"}}]}}}""";
            case "contracts" -> {
                List<String> contracts = List.of(
                        "{\"id\": \"c1\", \"ownerOrganisation\": \"boston-bc\", \"service\": \"Leisure\", \"provider\": \"One\", \"latestRating\": {\"label\": \"Good\", \"rating\": \"GOOD\", \"ratedOn\": null}}",
                        "{\"id\": \"c2\", \"ownerOrganisation\": \"boston-bc\", \"service\": \"Waste\", \"provider\": \"Two\", \"latestRating\": {\"label\": \"Poor\", \"rating\": \"POOR\", \"ratedOn\": \"2021-06-30\"}}",
                        "{\"id\": \"c3\", \"ownerOrganisation\": \"other-dc\", \"service\": \"Care\", \"provider\": \"Three\", \"latestRating\": {\"label\": \"Inadequate\", \"rating\": \"INADEQUATE\", \"ratedOn\": null}}",
                        "{\"id\": \"c4\", \"ownerOrganisation\": \"boston-bc\", \"service\": \"Parks\", \"provider\": \"Four\", \"latestRating\": null}");
                String decisions = """
                        "decisions": {"edges": [
                          {"node": {"kind": "REVIEW_DUE", "dueDate": "2021-09-30", "overdue": false, "contract": {"id": "c1", "service": "Leisure", "provider": "One"}}},
                          {"node": {"kind": "EXPIRING", "dueDate": "2021-10-31", "overdue": false, "contract": {"id": "c2", "service": "Waste", "provider": "Two"}}}]}""";
                // for an area the service answers with c2 and c3 serving it
                yield query.contains("contractsServingArea")
                        ? "{\"data\": {" + decisions + ", \"serving\": {\"edges\": [" + String.join(", ", contracts.subList(1, 3).stream()
                                .map(c -> "{\"node\": {\"contract\": " + c + ", \"recordedFor\": \"E07000136\", \"inherited\": false}}").toList()) + "]}}}"
                        : "{\"data\": {" + decisions + ", \"contracts\": {\"edges\": [" + String.join(", ", contracts.stream()
                                .map(c -> "{\"node\": " + c + "}").toList()) + "]}}}";
            }
            case "indicators" -> """
                    {"data": {
                      "redRed": {"edges": [
                        {"node": {"area": {"code": "E07000136", "name": "Boston"}, "entry": {"indicator": {"id": "obesity", "name": "Obesity"},
                                  "comparison": {"outcome": "WORSE"}, "trend": {"assessment": "GETTING_WORSE"}}}},
                        {"node": {"area": {"code": "E07000137", "name": "East Lindsey"}, "entry": {"indicator": {"id": "smoking", "name": "Smoking"},
                                  "comparison": {"outcome": "WORSE"}, "trend": {"assessment": "GETTING_WORSE"}}}}]},
                      "targets": {"edges": [
                        {"node": {"indicator": {"id": "obesity", "name": "Obesity", "ownerOrganisation": "boston-bc"}, "areaCode": "E07000136", "period": {"label": "2017/18", "end": "2018-03-31"},
                                  "target": 20, "actual": null, "verdict": "NOT_ACHIEVED", "reportedVerdict": null}},
                        {"node": {"indicator": {"id": "obesity", "name": "Obesity", "ownerOrganisation": "boston-bc"}, "areaCode": "E07000136", "period": {"label": "2018/19", "end": "2019-03-31"},
                                  "target": 20, "actual": null, "verdict": "ACHIEVED", "reportedVerdict": null}},
                        {"node": {"indicator": {"id": "smoking", "name": "Smoking", "ownerOrganisation": "boston-bc"}, "areaCode": "E07000136", "period": {"label": "2018/19", "end": "2019-03-31"},
                                  "target": null, "actual": null, "verdict": null, "reportedVerdict": "NOT_ACHIEVED"}},
                        {"node": {"indicator": {"id": "wages", "name": "Wages", "ownerOrganisation": "other-dc"}, "areaCode": "E07000136", "period": {"label": "2018/19", "end": "2019-03-31"},
                                  "target": 500, "actual": null, "verdict": "NOT_ACHIEVED", "reportedVerdict": null}}]}}}""";
            default -> throw new IllegalArgumentException(service);
        };
    }

}
