package org.civicgraph.partners;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo directory built from the seeds: how much of it there is, and a sample of exact values, read over GraphQL. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class DirectoryDemoDataTest {

    private static final List<String> DISTRICTS = List.of("boston-bc", "east-lindsey-dc", "city-of-lincoln-council", "north-kesteven-dc",
            "south-holland-dc", "south-kesteven-dc", "west-lindsey-dc");

    @LocalServerPort
    int port;

    GraphQlHttp graphql;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
    }

    @Test
    void theFilesHoldEveryPartnerOfTheSeedsAndTheDirectoryServesThemAll() throws IOException {
        JsonNode organisations = demo("organisations.json");
        assertThat(organisations.size()).isEqualTo(72);
        assertThat(demo("partner-groups.json").size()).isEqualTo(25);
        assertThat(demo("relationships.json").size()).isEqualTo(55);
        assertThat(demo("partnerships.json").size()).isEqualTo(5);
        int units = 0;
        List<String> ids = new ArrayList<>();
        for (JsonNode organisation : organisations) {
            ids.add(organisation.get("id").asString());
            units += organisation.has("units") ? organisation.get("units").size() : 0;
        }
        assertThat(units).isEqualTo(7 * 16 + 10 + 1);

        assertThat(everyOrganisationListed()).containsAll(ids);
        assertThat(graphql.post("{ partnerGroups(first: 100) { edges { node { id } } } }")
                .<List<String>>read("$.data.partnerGroups.edges[*].node.id")).hasSize(25).contains("sports-clubs", "private-sector-landlords");
        assertThat(graphql.post("{ partnerships(first: 10) { edges { node { leverArea members { role } } } } }")
                .<List<String>>read("$.data.partnerships.edges[*].node.leverArea")).containsExactlyInAnyOrder("HOUSING_AND_HOMELESSNESS",
                "ACTIVITY_AND_WELLBEING", "ENVIRONMENT_AND_CLIMATE", "ECONOMIC_INCLUSION", "WORKING_WITH_COMMUNITIES");
    }

    @Test
    void sectorsAreGroupsNotOrganisationsAndKeepTheirIds() {
        GraphQlHttp.Response response = graphql.post("""
                { organisation(id: "sports-clubs") { id }
                  partnerGroup(id: "third-sector-providers") { name subgroups { id } }
                  furtherEducation: partnerGroup(id: "further-and-higher-education") { organisations { id } } }""");

        assertThat(response.<Object>read("$.data.organisation")).isNull();
        assertThat(response.<List<String>>read("$.data.partnerGroup.subgroups[*].id"))
                .containsExactlyInAnyOrder("money-advice-providers", "energy-advice-providers");
        assertThat(response.<List<String>>read("$.data.furtherEducation.organisations[*].id"))
                .containsExactlyInAnyOrder("university-of-lincoln", "boston-college", "lincoln-college-group");
    }

    @Test
    void aSampleOfExactValues() {
        GraphQlHttp.Response response = graphql.post("""
                { lpft: organisation(id: "lincolnshire-partnership-nhs-ft") {
                    name otherNames type identifiers { scheme value orgId } areasServed website status }
                  barnardos: organisation(id: "barnardos") { name type identifiers { orgId } }
                  boston: organisation(id: "boston-bc") { units { id name } identifiers { scheme value } }
                  dwp: organisation(id: "department-for-work-and-pensions") { type units { id name } }
                  carillion: organisation(id: "carillion") { status closedOn }
                  leicestershire: organisation(id: "leicestershire-cc") { name type identifiers { value } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.lpft.name")).isEqualTo("Lincolnshire Partnership NHS Foundation Trust");
        assertThat(response.<List<String>>read("$.data.lpft.otherNames")).containsExactly("LPFT", "Lincolnshire Partnership Foundation Trust");
        assertThat(response.<String>read("$.data.lpft.type")).isEqualTo("NHS_TRUST");
        assertThat(response.<List<Map<String, String>>>read("$.data.lpft.identifiers"))
                .containsExactly(Map.of("scheme", "NHS_ODS", "value", "RP7", "orgId", "GB-NHS-RP7"));
        assertThat(response.<String>read("$.data.lpft.website")).isEqualTo("https://www.lpft.nhs.uk");
        assertThat(response.<String>read("$.data.barnardos.name")).isEqualTo("Barnardo's");
        assertThat(response.<String>read("$.data.barnardos.type")).isEqualTo("VOLUNTARY_OR_COMMUNITY_GROUP");
        assertThat(response.<List<String>>read("$.data.barnardos.identifiers[*].orgId")).containsExactly("GB-CHC-216250");
        assertThat(response.<List<String>>read("$.data.boston.units[*].id")).hasSize(16).contains("boston-bc/housing-services",
                "boston-bc/homelessness-and-allocations", "boston-bc/revenues-and-benefits");
        assertThat(response.<List<String>>read("$.data.dwp.units[*].name")).containsExactly("Jobcentre Plus");
        assertThat(response.<String>read("$.data.dwp.type")).isEqualTo("NATIONAL_BODY");
        assertThat(response.<String>read("$.data.carillion.status")).isEqualTo("CLOSED");
        assertThat(response.<String>read("$.data.carillion.closedOn")).isEqualTo("2018-01-15");
        assertThat(response.<List<String>>read("$.data.leicestershire.identifiers[*].value")).containsExactly("E10000018");
    }

    @Test
    void theClinicalCommissioningGroupLeadsToTheIntegratedCareBoardThatSucceededIt() {
        GraphQlHttp.Response response = graphql.post("""
                { ccg: organisation(id: "nhs-lincolnshire-ccg") {
                    status closedOn successor { id } current { id name }
                    relationships { kind since organisation { id } } }
                  icb: organisationByIdentifier(scheme: NHS_ODS, value: "QJM") {
                    id openedOn type relationships { kind organisation { id } } } }""");

        assertThat(response.<String>read("$.data.ccg.status")).isEqualTo("CLOSED");
        assertThat(response.<String>read("$.data.ccg.closedOn")).isEqualTo("2022-06-30");
        assertThat(response.<String>read("$.data.ccg.successor.id")).isEqualTo("nhs-lincolnshire-icb");
        assertThat(response.<String>read("$.data.ccg.current.name")).isEqualTo("NHS Lincolnshire Integrated Care Board");
        assertThat(response.<List<String>>read("$.data.ccg.relationships[?(@.kind == 'SUCCEEDED_BY')].since")).containsExactly("2022-07-01");
        assertThat(response.<String>read("$.data.icb.id")).isEqualTo("nhs-lincolnshire-icb");
        assertThat(response.<String>read("$.data.icb.openedOn")).isEqualTo("2022-07-01");
        assertThat(response.<String>read("$.data.icb.type")).isEqualTo("NHS_COMMISSIONER");
        assertThat(response.<List<String>>read("$.data.icb.relationships[?(@.kind == 'SUCCESSOR_OF')].organisation.id"))
                .containsExactly("nhs-lincolnshire-ccg");
    }

    @Test
    void theCountyCouncilsRelationshipsRunBothWaysAndThroughItsUnits() {
        GraphQlHttp.Response response = graphql.post("""
                { organisation(id: "lincolnshire-cc") {
                    relationships { kind organisation { id } unit { id } otherUnit { id } description } } }""");

        assertThat(response.<List<String>>read("$.data.organisation.relationships[?(@.kind == 'HAS_PART')].organisation.id"))
                .containsExactly("lincolnshire-fire-and-rescue");
        assertThat(response.<List<String>>read("$.data.organisation.relationships[?(@.kind == 'COMMISSIONS')].organisation.id"))
                .contains("kier", "barnardos", "locate-limited", "fcc-recycling", "serco", "greenwich-leisure-limited");
        assertThat(response.<List<String>>read("$.data.organisation.relationships[?(@.kind == 'PROVIDES_TO')].unit.id"))
                .containsExactly("lincolnshire-cc/secure-unit");
        assertThat(response.<List<String>>read("$.data.organisation.relationships[?(@.kind == 'PROVIDES_TO')].organisation.id"))
                .containsExactly("youth-justice-board");
    }

    @Test
    void theLeverAreaPartnershipsNameTheDistrictsUnitsAndTheirPartners() {
        GraphQlHttp.Response housing = graphql.post("""
                { partnership(id: "lincolnshire-districts-hwb-housing-and-homelessness") {
                    plan leverArea
                    leads: members(role: LEAD) { partner { id } units { name } }
                    members { partner { __typename id name } } } }""");
        GraphQlHttp.Response unit = graphql.post("""
                { unit(id: "west-lindsey-dc/housing-services") { name organisation { id }
                    partnerships { role partnership { leverArea } } } }""");

        assertThat(housing.<String>read("$.data.partnership.plan")).isEqualTo("lincolnshire-districts-health-wellbeing-strategy");
        assertThat(housing.<List<String>>read("$.data.partnership.leads[*].partner.id")).containsExactlyElementsOf(DISTRICTS);
        assertThat(housing.<List<String>>read("$.data.partnership.leads[0].units[*].name")).containsExactly("Housing services",
                "Homelessness and allocations", "Revenues and benefits", "Enforcement", "Planning and enabling", "Wellbeing services");
        assertThat(housing.<List<String>>read("$.data.partnership.members[*].partner.id")).hasSize(21)
                .contains("homes-england", "lincolnshire-police", "lincolnshire-fire-and-rescue", "private-sector-landlords", "money-advice-providers");
        assertThat(housing.<List<String>>read("$.data.partnership.members[?(@.partner.id == 'private-sector-landlords')].partner.__typename"))
                .containsExactly("PartnerGroup");
        assertThat(unit.<String>read("$.data.unit.organisation.id")).isEqualTo("west-lindsey-dc");
        assertThat(unit.<List<String>>read("$.data.unit.partnerships[*].partnership.leverArea"))
                .containsExactlyInAnyOrder("HOUSING_AND_HOMELESSNESS", "ENVIRONMENT_AND_CLIMATE");
        for (String leverArea : List.of("ACTIVITY_AND_WELLBEING", "ENVIRONMENT_AND_CLIMATE", "ECONOMIC_INCLUSION", "WORKING_WITH_COMMUNITIES")) {
            List<Object> partners = graphql.post("{ partnerships(leverArea: " + leverArea + ") { edges { node { members { partner { id } } } } } }")
                    .read("$.data.partnerships.edges[0].node.members[*].partner");
            assertThat(partners).as(leverArea).doesNotContainNull().hasSizeGreaterThan(10);
        }
    }

    @Test
    void unitsAndGroupsAreFederationEntitiesToo() {
        GraphQlHttp.Response response = graphql.post("""
                { _entities(representations: [
                    {__typename: "Unit", id: "lincolnshire-cc/public-health"},
                    {__typename: "PartnerGroup", id: "sports-clubs"}]) {
                  ... on Unit { name organisation { id } } ... on PartnerGroup { name } } }""");

        assertThat(response.<String>read("$.data._entities[0].name")).isEqualTo("Public health");
        assertThat(response.<String>read("$.data._entities[0].organisation.id")).isEqualTo("lincolnshire-cc");
        assertThat(response.<String>read("$.data._entities[1].name")).isEqualTo("Sports clubs (Lincolnshire)");
    }

    private List<String> everyOrganisationListed() {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            GraphQlHttp.Response page = graphql.post("""
                    query($after: String) { organisations(filter: {status: null}, first: 50, after: $after) {
                      edges { node { id } } pageInfo { hasNextPage endCursor } } }""", after == null ? Map.of() : Map.of("after", after));
            assertThat(page.hasErrors()).as(page.body()).isFalse();
            ids.addAll(page.<List<String>>read("$.data.organisations.edges[*].node.id"));
            after = page.<Boolean>read("$.data.organisations.pageInfo.hasNextPage") ? page.read("$.data.organisations.pageInfo.endCursor") : null;
        } while (after != null);
        return ids;
    }

    private static JsonNode demo(String file) throws IOException {
        try (InputStream in = new ClassPathResource("demo/" + file).getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        }
    }
}
