package org.civicgraph.gateway.limits;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's query limits against its real views: each view, asked with every field it has, passes them (it is
 * answered, here with its services' parts missing); a request repeating a view under more aliases than the limit is
 * refused with TOO_MANY_ALIASES before any service is asked, every time it is sent.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {
        "civicgraph.gateway.services.plans=http://127.0.0.1:9/graphql",
        "civicgraph.gateway.services.contracts=http://127.0.0.1:9/graphql",
        "civicgraph.gateway.services.indicators=http://127.0.0.1:9/graphql",
        "civicgraph.gateway.services.partners=http://127.0.0.1:9/graphql"})
class ViewQueryLimitsTest {

    private static final String ENTRY = """
            fragment entry on AreaIndicator { indicator { id name unit polarity } latest { period { label } value }
              comparison { benchmark benchmarkValue outcome score } trend { points direction assessment significance } }""";
    private static final String AREA_PROFILE_FIELDS = """
            code area { code name type ancestors { code name type } }
            partners { organisation { id name type website } via inherited }
            plans { plan { id title ownerOrganisation kind period } via inherited }
            indicators { benchmark method indicators { ...entry } positive { ...entry } negative { ...entry } }
            activities { activity { id planId reference description leadOrganisation partnerOrganisations } via inherited
                         latest { period status behindPlan } }
            contracts { recordedFor inherited contract { id ownerOrganisation service provider providerOrganisationId term
                        reviewDate latestRating { label ratedOn } } }""";

    @LocalServerPort
    int port;

    @Test
    void everyViewWithAllItsFieldsPassesTheLimits() {
        assertWithinLimits("{ areaProfile(code: \"E07000136\") { " + AREA_PROFILE_FIELDS + " } }" + ENTRY);
        assertWithinLimits("""
                { organisation360(id: "lincolnshire-cc") { id organisation { id name type website }
                  contractsAsProvider { id strategyId ownerOrganisation service provider valueAmount term reviewDate performance }
                  strategiesCommissioned { id ownerOrganisation title stage commissionerStatus reportDate }
                  activities { id planId reference description leadOrganisation partnerOrganisations } } }""");
        assertWithinLimits("""
                { leverArea(area: HOUSING_AND_HOMELESSNESS, areaCode: "E07000136") {
                    themes { plan { id title } theme { key title objectives { key title } }
                             activities { id planId reference description leadOrganisation partnerOrganisations } }
                    partnerships { id name plan members { role partner { id name } } }
                    indicators { indicator { id name unit polarity } latest { period { label } value }
                                 comparison { benchmark benchmarkValue outcome score } trend { points direction assessment significance } } } }""");
        assertWithinLimits(Map.of("period", "2021/22 Q2", "organisation", "boston-bc"), """
                query($period: String!, $organisation: ID, $area: ID) {
                  needsAttention(period: $period, organisation: $organisation, area: $area) {
                  plans { planId title counts { behindPlan overdueMilestones notReported missingExplanations }
                          behindPlan { activity { id reference description } update { status explanation } }
                          overdueMilestones { activity { id reference description } milestone { id text dueDate status revisedDueDate } }
                          notReported { id reference description } }
                  contractDecisions { kind dueDate overdue contract { id service provider } }
                  poorlyRatedContracts { id service provider latestRating { label ratedOn } }
                  indicatorsWorseAndWorsening { area { code name } entry { indicator { id name } comparison { outcome } trend { assessment } } }
                  missedTargets { indicator { id name } areaCode period { label } target actual { value } verdict reportedVerdict } } }""");
    }

    @Test
    void tenAreaProfilesInOneRequestAreAllowed() {
        assertWithinLimits(areaProfiles(10));
    }

    @Test
    void elevenAreaProfilesInOneRequestAreRefusedBeforeAnyServiceIsAsked() {
        for (int attempt = 0; attempt < 2; attempt++) { // the second time the document is known to the gateway
            GraphQlHttp.Response response = GraphQlHttp.onPort(port).post(areaProfiles(11));

            assertThat(response.errorCodes()).containsExactly("TOO_MANY_ALIASES");
            assertThat(response.<Integer>read("$.errors[0].extensions.actual")).isEqualTo(11);
            assertThat(response.<Integer>read("$.errors[0].extensions.limit")).isEqualTo(10);
            assertThat(response.<Map<String, Object>>read("$")).doesNotContainKey("data");
        }
    }

    /** Districts of Lincolnshire and beyond, each a whole area profile under its own alias. */
    private static String areaProfiles(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "a" + i + ": areaProfile(code: \"E070001" + (30 + i) + "\") { " + AREA_PROFILE_FIELDS + " }")
                .collect(Collectors.joining("\n", "{\n", "\n}")) + ENTRY;
    }

    private void assertWithinLimits(String document) {
        assertWithinLimits(Map.of(), document);
    }

    private void assertWithinLimits(Map<String, Object> variables, String document) {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post(document, variables);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.errorCodes()).as(document).isNotEmpty().containsOnly("SERVICE_UNAVAILABLE");
    }
}
