package org.civicgraph.partners.resolution;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolving names as the seed documents write them against the demo directory: resolved, ambiguous, unknown. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class NameResolutionTest {

    private static final String RESOLVE = """
            query($name: String!, $areas: [String!]) { resolveName(name: $name, areas: $areas) {
              name status partner { __typename id }
              candidates { score matchedName match partner { __typename id ... on Organisation { current { id } } } } } }""";

    @LocalServerPort
    int port;

    GraphQlHttp graphql;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
    }

    @Test
    void theExactNameResolvesWithFullConfidence() {
        GraphQlHttp.Response response = resolve("Lincolnshire County Council");

        assertResolved(response, "lincolnshire-cc");
        assertThat(response.<Double>read("$.data.resolveName.candidates[0].score")).isEqualTo(1.0);
        assertThat(response.<String>read("$.data.resolveName.candidates[0].match")).isEqualTo("NAME");
        assertThat(response.<Double>read("$.data.resolveName.candidates[1].score")).isLessThan(0.75);
    }

    @Test
    void anOtherNameAsTheSourcesWriteItResolves() {
        GraphQlHttp.Response response = resolve("Lincolnshire Partnership Foundation Trust");

        assertResolved(response, "lincolnshire-partnership-nhs-ft");
        assertThat(response.<String>read("$.data.resolveName.candidates[0].match")).isEqualTo("OTHER_NAME");
        assertThat(response.<Double>read("$.data.resolveName.candidates[0].score")).isEqualTo(0.97);
    }

    @Test
    void aRecordedAbbreviationResolves() {
        assertResolved(resolve("LPFT"), "lincolnshire-partnership-nhs-ft");
        assertResolved(resolve("GLLEP"), "greater-lincolnshire-lep");
        assertResolved(resolve("Dinniq"), "dynniq");
    }

    @Test
    void punctuationCaseApostrophesAndWordOrderDoNotMatter() {
        assertResolved(resolve("BARNARDOS"), "barnardos");
        assertResolved(resolve("Barnardo\u2019s"), "barnardos");
        assertResolved(resolve("l.p.f.t."), "lincolnshire-partnership-nhs-ft");
        GraphQlHttp.Response reordered = resolve("Lincolnshire Partnership NHS FT");
        assertResolved(reordered, "lincolnshire-partnership-nhs-ft");
        assertThat(reordered.<String>read("$.data.resolveName.candidates[0].match")).isEqualTo("SAME_WORDS");
        assertResolved(resolve("Science & Innovation Park, Lincoln"), "lincoln-science-and-innovation-park");
    }

    @Test
    void anAbbreviationTwoOrganisationsShareIsAmbiguousAndNotGuessed() {
        GraphQlHttp.Response response = resolve("LCC");

        assertThat(response.<String>read("$.data.resolveName.status")).isEqualTo("AMBIGUOUS");
        assertThat(response.<Object>read("$.data.resolveName.partner")).isNull();
        assertThat(response.<List<String>>read("$.data.resolveName.candidates[*].partner.id")).startsWith("leicestershire-cc", "lincolnshire-cc");
        assertThat(response.<List<Double>>read("$.data.resolveName.candidates[0:2].score")).containsExactly(0.97, 0.97);
    }

    @Test
    void theDocumentsAreaSettlesAnAmbiguity() {
        GraphQlHttp.Response response = graphql.post(RESOLVE, Map.of("name", "LCC", "areas", List.of("E07000136", "E10000019", "E92000001")));

        assertResolved(response, "lincolnshire-cc");
        assertThat(response.<Double>read("$.data.resolveName.candidates[1].score")).isLessThan(0.85);
    }

    @Test
    void initialsThatNoRecordGivesAreOnlyACandidate() {
        GraphQlHttp.Response response = resolve("LSIP");

        assertThat(response.<String>read("$.data.resolveName.status")).isEqualTo("UNKNOWN");
        assertThat(response.<Object>read("$.data.resolveName.partner")).isNull();
        assertThat(response.<String>read("$.data.resolveName.candidates[0].partner.id")).isEqualTo("lincoln-science-and-innovation-park");
        assertThat(response.<String>read("$.data.resolveName.candidates[0].match")).isEqualTo("INITIALS");
        assertThat(response.<Double>read("$.data.resolveName.candidates[0].score")).isEqualTo(0.8);
    }

    @Test
    void unknownNamesStayUnresolved() {
        for (String name : List.of("Multiple providers", "Various (315 suppliers)", "Acme Widgets Ltd")) {
            GraphQlHttp.Response response = resolve(name);
            assertThat(response.<String>read("$.data.resolveName.status")).as(name).isEqualTo("UNKNOWN");
            assertThat(response.<Object>read("$.data.resolveName.partner")).as(name).isNull();
        }
    }

    @Test
    void namesResolveToUnitsAndPartnerGroupsToo() {
        GraphQlHttp.Response unit = resolve("Lincolnshire County Council Secure Unit");
        GraphQlHttp.Response group = resolve("14 Internal Drainage Boards");

        assertThat(unit.<String>read("$.data.resolveName.partner.__typename")).isEqualTo("Unit");
        assertResolved(unit, "lincolnshire-cc/secure-unit");
        assertThat(group.<String>read("$.data.resolveName.partner.__typename")).isEqualTo("PartnerGroup");
        assertResolved(group, "internal-drainage-boards");
        assertThat(resolve("Housing services").<String>read("$.data.resolveName.status")).isEqualTo("AMBIGUOUS");
    }

    @Test
    void aBodyThatWasSucceededResolvesAndLeadsToItsSuccessor() {
        GraphQlHttp.Response response = resolve("Clinical Commissioning Group");

        assertResolved(response, "nhs-lincolnshire-ccg");
        assertThat(response.<String>read("$.data.resolveName.candidates[0].partner.current.id")).isEqualTo("nhs-lincolnshire-icb");
    }

    @Test
    void manyNamesResolveInOneRequestInTheOrderGiven() {
        GraphQlHttp.Response response = graphql.post("""
                { resolveNames(names: ["Kier", "Multiple providers", "LPFT", "VCS"]) { name status partner { id } } }""");

        assertThat(response.<List<String>>read("$.data.resolveNames[*].name")).containsExactly("Kier", "Multiple providers", "LPFT", "VCS");
        assertThat(response.<List<String>>read("$.data.resolveNames[*].status")).containsExactly("RESOLVED", "UNKNOWN", "RESOLVED", "RESOLVED");
        assertThat(response.<String>read("$.data.resolveNames[3].partner.id")).isEqualTo("community-and-voluntary-sector");
    }

    private GraphQlHttp.Response resolve(String name) {
        GraphQlHttp.Response response = graphql.post(RESOLVE, Map.of("name", name));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response;
    }

    private static void assertResolved(GraphQlHttp.Response response, String id) {
        assertThat(response.<String>read("$.data.resolveName.status")).as(response.body()).isEqualTo("RESOLVED");
        assertThat(response.<String>read("$.data.resolveName.partner.id")).isEqualTo(id);
    }
}
