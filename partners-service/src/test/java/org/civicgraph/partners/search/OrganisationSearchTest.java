package org.civicgraph.partners.search;

import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.partners.organisation.OrganisationStatus;
import org.civicgraph.partners.organisation.OrganisationType;
import org.civicgraph.partners.partnership.LeverArea;
import org.civicgraph.partners.partnership.PartnerRole;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Searching the demo directory by name, type, area, lever area, role and status. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class OrganisationSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OrganisationSearch search;

    GraphQlHttp graphql;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
    }

    @Test
    void nameSearchToleratesCasePunctuationAmpersandsAndAbbreviationsWrittenInside() {
        assertThat(found("{nameContains: \"lincolnshire PARTNERSHIP nhs f.t.\"}")).containsExactly("lincolnshire-partnership-nhs-ft");
        assertThat(found("{nameContains: \"Lincoln Science and Innovation\"}")).containsExactly("lincoln-science-and-innovation-park");
        assertThat(found("{nameContains: \"science & innovation park\"}")).containsExactly("lincoln-science-and-innovation-park");
        assertThat(found("{nameContains: \"BARNARDOS\"}")).containsExactly("barnardos");
        assertThat(found("{nameContains: \"Barnardo\u2019s\"}")).containsExactly("barnardos");
        assertThat(found("{nameContains: \"Locate Ltd\"}")).containsExactly("locate-limited");
        assertThat(found("{nameContains: \"linc coun\"}")).contains("lincolnshire-cc", "city-of-lincoln-council").doesNotContain("leicestershire-cc");
    }

    @Test
    void aSingleWordMayBeARecordedAbbreviationOrTheInitialsOfAName() {
        assertThat(found("{nameContains: \"LPFT\"}")).containsExactly("lincolnshire-partnership-nhs-ft");
        assertThat(found("{nameContains: \"lchs\"}")).containsExactly("lincolnshire-community-health-services-nhs-trust");
        assertThat(found("{nameContains: \"GLLEP\"}")).containsExactly("greater-lincolnshire-lep");
        assertThat(found("{nameContains: \"LCC\"}")).contains("lincolnshire-cc", "leicestershire-cc");
    }

    @Test
    void typeFiltersAndARetiredTypeMatchesTheTypesThatReplacedIt() {
        assertThat(found("{type: NHS_TRUST}")).containsExactlyInAnyOrder("lincolnshire-partnership-nhs-ft",
                "lincolnshire-community-health-services-nhs-trust");
        assertThat(found("{type: NHS_BODY}")).containsExactlyInAnyOrder("lincolnshire-partnership-nhs-ft",
                "lincolnshire-community-health-services-nhs-trust", "nhs-lincolnshire-icb");
        assertThat(found("{type: NHS_BODY, status: null}")).contains("nhs-lincolnshire-ccg");
    }

    @Test
    void leverAreaAndRoleComeFromPartnershipsAndProviderRelationships() {
        assertThat(found("{leverArea: HOUSING_AND_HOMELESSNESS}")).contains("homes-england", "boston-bc", "lincolnshire-cc", "lincolnshire-police")
                .doesNotContain("sport-england", "arts-council-england");
        assertThat(found("{leverArea: ECONOMIC_INCLUSION, role: LEAD}")).containsExactlyInAnyOrder("boston-bc", "east-lindsey-dc",
                "city-of-lincoln-council", "north-kesteven-dc", "south-holland-dc", "south-kesteven-dc", "west-lindsey-dc");
        assertThat(found("{leverArea: ECONOMIC_INCLUSION, nameContains: \"DWP\"}")).containsExactly("department-for-work-and-pensions");
        assertThat(found("{role: PROVIDER}")).contains("kier", "barnardos", "lincolnshire-partnership-nhs-ft", "lincolnshire-cc")
                .doesNotContain("homes-england", "carillion");
        assertThat(found("{role: COMMISSIONER}")).containsExactlyInAnyOrder("lincolnshire-cc", "youth-justice-board");
    }

    @Test
    void onlyActiveOrganisationsAreListedUnlessAskedOtherwise() {
        assertThat(found("{nameContains: \"clinical commissioning\"}")).isEmpty();
        assertThat(found("{nameContains: \"clinical commissioning\", status: null}")).containsExactly("nhs-lincolnshire-ccg");
        assertThat(found("{nameContains: \"carillion\", status: CLOSED}")).containsExactly("carillion");
    }

    @Test
    void theGatewaysAreaQueryStillWorksAndTypesReadAsStrings() {
        GraphQlHttp.Response response = graphql.post("""
                query($a0: String) { a0: organisations(filter: {areaServed: $a0}, first: 100) { edges { node { id name type website } } } }""",
                Map.of("a0", "E10000019"));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        List<Map<String, Object>> nodes = response.read("$.data.a0.edges[*].node");
        assertThat(nodes).extracting(node -> node.get("id")).contains("lincolnshire-cc", "nhs-lincolnshire-icb")
                .doesNotContain("nhs-lincolnshire-ccg", "sports-clubs");
        assertThat(nodes).filteredOn(node -> node.get("id").equals("lincolnshire-cc")).extracting(node -> node.get("type"))
                .containsExactly("COUNTY_COUNCIL");
    }

    @Test
    void namesAreSearchedThroughAnIndexedArrayOfKeys() {
        List<IndexInfo> indexes = mongo.indexOps(Organisation.class).getIndexInfo();

        assertThat(indexes).anySatisfy(index -> assertThat(index.getIndexFields()).extracting(field -> field.getKey())
                .containsExactly(Organisation.SEARCH_KEYS));
        assertThat(indexes).anySatisfy(index -> assertThat(index.getIndexFields()).extracting(field -> field.getKey())
                .containsExactly(Organisation.UNIT_SEARCH_KEYS));
    }

    @Test
    void theNameKeyLookupAndTheIndexedQueryGiveTheSameAnswersPageByPage() {
        List<OrganisationFilter> filters = List.of(
                new OrganisationFilter("linc coun", null, null, null, null, OrganisationStatus.ACTIVE),
                new OrganisationFilter("lincolnshire", null, null, null, null, null),
                new OrganisationFilter("LCC", null, null, null, null, OrganisationStatus.ACTIVE),
                new OrganisationFilter("nhs", OrganisationType.NHS_BODY, null, null, null, null),
                new OrganisationFilter("council", null, "E10000019", null, null, OrganisationStatus.ACTIVE),
                new OrganisationFilter("lincoln", null, null, LeverArea.HOUSING_AND_HOMELESSNESS, null, OrganisationStatus.ACTIVE),
                new OrganisationFilter("council", null, null, LeverArea.ECONOMIC_INCLUSION, PartnerRole.LEAD, OrganisationStatus.ACTIVE),
                new OrganisationFilter("lincolnshire", null, null, null, PartnerRole.PROVIDER, OrganisationStatus.ACTIVE),
                new OrganisationFilter("council", null, null, null, PartnerRole.COMMISSIONER, null),
                new OrganisationFilter("clinical commissioning", null, null, null, null, OrganisationStatus.CLOSED),
                new OrganisationFilter("b", null, null, null, null, null));
        for (OrganisationFilter filter : filters) {
            for (int size : List.of(2, 100)) {
                ScrollPosition position = ScrollPosition.offset();
                int pages = 0;
                while (true) {
                    Window<Organisation> byKeys = search.byNameKeys(filter, position, size).orElseThrow();
                    Window<Organisation> byQuery = search.byQuery(filter, position, size);
                    assertThat(byKeys.getContent()).as(filter + " page " + pages).extracting(Organisation::getId)
                            .containsExactlyElementsOf(byQuery.getContent().stream().map(Organisation::getId).toList());
                    assertThat(byKeys.hasNext()).as(filter + " page " + pages).isEqualTo(byQuery.hasNext());
                    if (!byKeys.hasNext() || byKeys.isEmpty()) {
                        break;
                    }
                    assertThat(byKeys.positionAt(byKeys.size() - 1)).isEqualTo(byQuery.positionAt(byQuery.size() - 1));
                    position = byKeys.positionAt(byKeys.size() - 1);
                    pages++;
                }
            }
        }
        assertThat(search.byNameKeys(new OrganisationFilter("linc coun", null, null, null, null, null), ScrollPosition.offset(), 100)
                .orElseThrow().getContent()).extracting(Organisation::getId).contains("lincolnshire-cc", "city-of-lincoln-council");
    }

    private List<String> found(String filter) {
        GraphQlHttp.Response response = graphql.post("{ organisations(filter: " + filter + ", first: 100) { edges { node { id } } } }");
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response.read("$.data.organisations.edges[*].node.id");
    }
}
