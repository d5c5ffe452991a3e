package org.civicgraph.contracts.contract;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.civicgraph.platform.demo.DemoDataFile;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The highlight report of seed 002 as the service answers it: counts, and a sample of exact values as interpreted. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ContractDemoDataTest {

    /** The tests share one database: other test classes register contracts of their own, with ids from this prefix. */
    private static final String REGISTERED_BY_OTHER_TESTS = "test-";
    private static final Path PARTNER_DIRECTORY = Path.of("../partners-service/src/main/resources/demo/organisations.json");

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void everyStrategyAndEveryKeyContractRowOfTheReportIsThere() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                { commissioningStrategies(first: 20) { edges { node { id keyContracts { id } } } } }""");

        Map<String, Long> contractsPerStrategy = response.<List<Map<String, Object>>>read("$.data.commissioningStrategies.edges[*].node")
                .stream().collect(Collectors.toMap(node -> (String) node.get("id"), node -> ((List<Map<String, String>>) node.get("keyContracts"))
                        .stream().filter(contract -> !contract.get("id").startsWith(REGISTERED_BY_OTHER_TESTS)).count()));
        assertThat(contractsPerStrategy).containsExactlyInAnyOrderEntriesOf(Map.of(
                "children-are-safe-and-healthy", 8L, "learn-and-achieve", 7L, "readiness-for-adult-life", 3L, "readiness-for-school", 1L,
                "sustaining-and-growing-business-and-the-economy", 8L, "protecting-and-sustaining-the-environment", 22L,
                "sustaining-and-developing-prosperity-through-infrastructure", 9L, "community-resilience-and-assets", 7L));
        assertThat(new DemoDataFile<>(ContractDemoData.CONTRACTS, RegisterContractInput.class).read()).hasSize(65);
    }

    @Test
    void strategiesCarryEverySectionOfTheReport() {
        DocumentContext strategy = strategy("children-are-safe-and-healthy", """
                summary needsEstablished completedBy commissionerComment propertyImplications commercialOpportunities
                measures { count targeted achieving notAchieving }
                pooledBudgets { name year total totalApproximate heldBy unattributed contributorsComplete
                  contributions { contributor organisationId amount } }""");

        assertThat(strategy.<String>read("$.completedBy")).isEqualTo("Janice Spencer (Assistant Director)");
        assertThat(strategy.<String>read("$.summary")).startsWith("The purpose of the commissioning strategy is to ensure");
        assertThat(strategy.<String>read("$.propertyImplications")).contains("Fire Houses");
        assertThat(strategy.<Integer>read("$.measures.count")).isEqualTo(4);
        assertThat(strategy.<Integer>read("$.measures.achieving")).isEqualTo(4);
        assertThat(strategy.<String>read("$.pooledBudgets[0].name")).isEqualTo("CAMHS");
        assertThat(strategy.<String>read("$.pooledBudgets[0].year")).isEqualTo("16/17");
        assertThat(strategy.<String>read("$.pooledBudgets[0].total")).isEqualTo("7200000");
        assertThat(strategy.<String>read("$.pooledBudgets[0].contributions[0].organisationId")).isEqualTo("nhs-lincolnshire-ccg");
        assertThat(strategy.<String>read("$.pooledBudgets[0].contributions[0].amount")).isEqualTo("6350000");
        assertThat(strategy.<String>read("$.pooledBudgets[0].unattributed")).isEqualTo("850000");
        assertThat(strategy.<String>read("$.pooledBudgets[1].total")).isEqualTo("500000");
        assertThat(strategy.<Boolean>read("$.pooledBudgets[1].totalApproximate")).isTrue();
        assertThat(strategy.<String>read("$.pooledBudgets[1].heldBy")).isEqualTo("lincolnshire-cc");
        assertThat(strategy.<Boolean>read("$.pooledBudgets[1].contributorsComplete")).isFalse();
        assertThat(strategy.<List<String>>read("$.pooledBudgets[1].contributions[*].contributor"))
                .containsExactly("Children's Services", "CAFCASS", "CRC", "District Councils", "Health", "Fire & Rescue",
                        "Lincolnshire Police", "HMP Lincoln");
        assertThat(strategy.<Object>read("$.pooledBudgets[1].unattributed")).as("no amounts are given").isNull();

        DocumentContext learn = strategy("learn-and-achieve", "measures { count targeted achieving notAchieving improvingNotAchieving } coCommissioningNote");
        assertThat(learn.<Integer>read("$.measures.notAchieving")).isEqualTo(2);
        assertThat(learn.<Integer>read("$.measures.improvingNotAchieving")).isEqualTo(1);
        assertThat(learn.<String>read("$.coCommissioningNote")).contains("dedicated schools budget");
        DocumentContext environment = strategy("protecting-and-sustaining-the-environment", "measures { count targeted measuredOnly } pooledBudgets { name }");
        assertThat(environment.<Integer>read("$.measures.measuredOnly")).isEqualTo(4);
        assertThat(environment.<List<String>>read("$.pooledBudgets[*].name")).hasSize(4).contains("Wolds AONB partnership");
    }

    @Test
    void termsAreKeptAsWrittenAndInterpreted() {
        DocumentContext healthyMinds = contract("healthy-minds-lincolnshire");
        assertThat(healthyMinds.<String>read("$.term")).isEqualTo("3 + 1 + 1 years (Sep 2022)");
        assertThat(healthyMinds.<String>read("$.period.startDate")).isEqualTo("2017-10-01");
        assertThat(healthyMinds.<String>read("$.period.endDate")).isEqualTo("2020-09-30");
        assertThat(healthyMinds.<String>read("$.period.maxExtentDate")).isEqualTo("2022-09-30");
        assertThat(healthyMinds.<List<String>>read("$.period.extensionOptions[*].startDate")).containsExactly("2020-10-01", "2021-10-01");
        assertThat(healthyMinds.<String>read("$.ratings[0].rating")).isEqualTo("NEW_SERVICE");
        assertThat(healthyMinds.<String>read("$.review.dueDate")).isEqualTo("2019-01-31");

        DocumentContext library = contract("library-services");
        assertThat(library.<String>read("$.period.endDate")).isEqualTo("2021-03-31");
        assertThat(library.<String>read("$.period.maxExtentDate")).isEqualTo("2026-03-31");
        assertThat(library.<Integer>read("$.period.extensionOptions[0].months")).isEqualTo(60);

        DocumentContext serco = contract("customer-service-centre");
        assertThat(serco.<String>read("$.period.precision")).isEqualTo("YEAR");
        assertThat(serco.<String>read("$.period.endDate")).isEqualTo("2020-12-31");
        assertThat(serco.<String>read("$.period.maxExtentDate")).isEqualTo("2024-12-31");

        DocumentContext growthHub = contract("business-growth-hub");
        assertThat(growthHub.<String>read("$.period.startDate")).isEqualTo("2016-04-01");
        assertThat(growthHub.<String>read("$.period.endDate")).isEqualTo("2019-03-31");

        assertThat(contract("highway-works-term-contract").<Integer>read("$.period.maximumMonths")).isEqualTo(120);
        assertThat(contract("independent-foster-care").<String>read("$.period.kind")).isEqualTo("NEEDS_LED");
        assertThat(contract("lead-local-flood-authority").<String>read("$.period.kind")).isEqualTo("ONGOING");
        assertThat(contract("return-interview-service").<String>read("$.period.startDate")).isEqualTo("2017-04-01");
        DocumentContext flagged = contract("strategic-place-shaping");
        assertThat(flagged.<Boolean>read("$.period.flaggedForReview")).isTrue();
        assertThat(flagged.<String>read("$.period.flagReason")).contains("Renewable projects");
        assertThat(flagged.<Object>read("$.period.endDate")).isNull();
    }

    @Test
    void providersAreMatchedOnlyThroughTheExplicitTable() {
        DocumentContext camhs = contract("camhs");
        assertThat(camhs.<String>read("$.provider")).isEqualTo("LPFT");
        assertThat(camhs.<String>read("$.providerOrganisationId")).isEqualTo("lincolnshire-partnership-nhs-ft");
        assertThat(camhs.<String>read("$.providerResolution")).isEqualTo("RESOLVED");
        DocumentContext foster = contract("independent-foster-care");
        assertThat(foster.<String>read("$.provider")).isEqualTo("Multiple providers");
        assertThat(foster.<String>read("$.providerResolution")).isEqualTo("UNRESOLVED");
        assertThat(foster.<List<String>>read("$.providerOrganisationIds")).isEmpty();
        DocumentContext countryside = contract("natural-environment-and-countryside");
        assertThat(countryside.<String>read("$.providerResolution")).isEqualTo("PARTLY_RESOLVED");
        assertThat(countryside.<Object>read("$.providerOrganisationId")).isNull();
        assertThat(countryside.<List<String>>read("$.providerOrganisationIds")).contains("lincolnshire-cc", "natural-england");
        assertThat(contract("traffic-signals-term-contract").<String>read("$.providerOrganisationId")).isEqualTo("dynniq");
    }

    @Test
    void everyOrganisationInTheProviderTableIsInThePartnerDirectory() throws IOException {
        Set<String> directory = Set.copyOf(JsonPath.parse(Files.readString(PARTNER_DIRECTORY)).<List<String>>read("$[*].id"));
        List<ProviderAlias> table = new DemoDataFile<>(ContractDemoData.PROVIDERS, ProviderAlias.class).read();
        Set<String> written = new DemoDataFile<>(ContractDemoData.CONTRACTS, RegisterContractInput.class).read().stream()
                .map(RegisterContractInput::provider).collect(Collectors.toSet());

        assertThat(table).allSatisfy(alias -> {
            assertThat(directory).as(alias.writtenAs()).containsAll(alias.organisationIds());
            assertThat(written).as("a name no contract uses").contains(alias.writtenAs());
        });
        assertThat(ContractDemoData.providerTable(table)).hasSize(table.size());
    }

    @Test
    void paymentPerformanceAndVolumeAreKeptPerRow() {
        DocumentContext insa = contract("intense-needs-supported-accommodation");
        assertThat(insa.<String>read("$.paymentTerms.timing")).isEqualTo("ARREARS");
        assertThat(insa.<String>read("$.paymentTerms.frequency")).isEqualTo("WEEKLY");
        assertThat(insa.<Boolean>read("$.performanceDriven")).isTrue();
        assertThat(insa.<Boolean>read("$.volumeSensitive")).isTrue();
        assertThat(insa.<Boolean>read("$.kpis")).isTrue();
        assertThat(insa.<String>read("$.ratings[0].asWritten")).isEqualTo("Linked to individual provider – Overall Average");
        DocumentContext kirton = contract("chance-to-share-kirton-middlecott");
        assertThat(kirton.<Object>read("$.paymentTerms.timing")).as("too complex for one timing").isNull();
        assertThat(kirton.<String>read("$.paymentTerms.asWritten")).isEqualTo("Inc. Annually in arrears Exp. Quarterly in arrears");
        assertThat(kirton.<Boolean>read("$.performanceDriven")).isFalse();
        assertThat(kirton.<String>read("$.ratings[0].rating")).isEqualTo("NOT_RATED");
        DocumentContext domiciliary = contract("domiciliary-care-cwd");
        assertThat(domiciliary.<String>read("$.review.decides")).isEqualTo("RETENDER");
        assertThat(domiciliary.<String>read("$.ratings[0].ratedOn")).isEqualTo("2017-09-30");
    }

    private DocumentContext strategy(String id, String fields) {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ commissioningStrategy(id: \"" + id + "\") { " + fields + " } }");
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return JsonPath.parse(response.json().read("$.data.commissioningStrategy", Map.class));
    }

    private DocumentContext contract(String id) {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                query($id: ID!) { contract(id: $id) { id term provider providerOrganisationId providerOrganisationIds providerResolution kpis
                  performanceDriven volumeSensitive paymentTerms { timing frequency asWritten }
                  ratings { rating ratedOn asWritten } review { dueDate decides }
                  period { kind precision startDate endDate maxExtentDate maximumMonths flaggedForReview flagReason
                    extensionOptions { number months startDate endDate state } } } }""", Map.of("id", id));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<Object>read("$.data.contract")).as(id).isNotNull();
        return JsonPath.parse(response.json().read("$.data.contract", Map.class));
    }
}
