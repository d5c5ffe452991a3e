package org.civicgraph.contracts.contract;

import org.bson.Document;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup behind the decisions calendar and the contracts of a provider gives exactly what the indexed queries
 * give, page by page, also after changes leave entries behind; and contracts written around the service appear once
 * its marker is deleted and the lookup rebuilt.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ContractLookupTest {

    private static final String PROVIDER = "lincolnshire-partnership-nhs-ft";

    @LocalServerPort
    int port;
    @Autowired
    DecisionsCalendar calendar;
    @Autowired
    ContractRegister register;
    @Autowired
    ContractLookup lookup;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void lookupIsComplete() throws InterruptedException {
        awaitComplete();
    }

    @Test
    void theCalendarFromTheLookupIsTheCalendarFromTheQueriesPageByPageAndAfterChanges() {
        GraphQlHttp editor = GraphQlHttp.onPort(port).as("lincolnshire-cc", "editor");
        Map<String, Object> input = new HashMap<>();
        input.put("id", "test-lookup-moved");
        input.put("strategyId", "community-resilience-and-assets");
        input.put("service", "Moved about");
        input.put("provider", "LPFT");
        input.put("providerOrganisationIds", List.of(PROVIDER));
        input.put("term", "2 + 1 years (Mar 2019)");
        input.put("reviewDate", "Feb 2018");
        assertThat(editor.post("mutation($input: RegisterContractInput!) { registerContract(input: $input) { contract { id } } }",
                Map.of("input", input)).hasErrors()).isFalse();
        assertThat(editor.post("""
                mutation { amendContract(input: {id: "test-lookup-moved", rationale: "Moved", endDate: "2018-02-28", reviewDate: "March 2018"}) {
                  contract { id } } }""").hasErrors()).isFalse();
        assertThat(editor.post("""
                mutation { declineExtensionOption(input: {id: "test-lookup-moved", option: 1}) { contract { id } } }""").hasErrors()).isFalse();
        assertThat(mongo.findById("end:2018-02", Document.class, ContractLookup.COLLECTION).getList("e", String.class))
                .as("the entry the decision left behind stays beside the one it wrote")
                .contains("2018-02-28|test-lookup-moved|lincolnshire-cc|o", "2018-02-28|test-lookup-moved|lincolnshire-cc|-");
        assertThat(mongo.findById("end:2018-03", Document.class, ContractLookup.COLLECTION).getList("e", String.class))
                .as("the entry the amendment left behind stays").contains("2018-03-31|test-lookup-moved|lincolnshire-cc|o");

        for (String owner : new String[]{null, "lincolnshire-cc", "boston-bc"}) {
            for (LocalDate from : List.of(LocalDate.of(2017, 10, 1), LocalDate.of(2018, 1, 1), LocalDate.of(2025, 5, 1))) {
                for (int size : new int[]{1, 4, 100}) {
                    List<String> viaLookup = walk(from, owner, size, true);
                    assertThat(viaLookup).as(from + " " + owner + " by " + size).isEqualTo(walk(from, owner, size, false));
                    if (owner == null && from.getYear() == 2018) {
                        // Declining the option ends the contract with its current period, as amended (2018-02-28).
                        assertThat(viaLookup).contains("EXPIRING 2018-02-28 test-lookup-moved", "REVIEW_DUE 2018-03-31 test-lookup-moved")
                                .doesNotContain("EXPIRING 2018-03-31 test-lookup-moved", "REVIEW_DUE 2018-02-28 test-lookup-moved")
                                .noneMatch(entry -> entry.startsWith("EXTENSION_DECISION_DUE") && entry.contains("test-lookup-moved"));
                    }
                }
            }
        }
    }

    @Test
    void aProvidersContractsFromTheLookupAreThoseOfTheQueryAndWrittenAroundTheServiceAppearAfterARebuild() throws Exception {
        ContractFilter filter = new ContractFilter(null, null, PROVIDER, null, null, null, null);
        for (int size : new int[]{1, 3, 100}) {
            assertThat(pages(filter, size, true)).as("by " + size).isEqualTo(pages(filter, size, false)).isNotEmpty();
        }

        Document around = mongo.findById("camhs", Document.class, "contracts");
        around.put("_id", "test-written-around");
        around.put("strategyId", "community-resilience-and-assets");
        around.put("position", 999);
        mongo.insert(around, "contracts");
        assertThat(pages(filter, 100, true)).doesNotContain("test-written-around");

        mongo.remove(Query.query(Criteria.where("_id").is(ContractLookup.COMPLETE)), ContractLookup.COLLECTION);
        assertThat(pages(filter, 100, true)).as("the indexed query answers while the lookup is rebuilt").contains("test-written-around");
        awaitComplete();
        assertThat(pages(filter, 100, true)).contains("test-written-around").isEqualTo(pages(filter, 100, false));
    }

    private List<String> walk(LocalDate from, String owner, int size, boolean viaLookup) {
        List<String> all = new ArrayList<>();
        LocalDate to = from.plusDays(365);
        DecisionsCalendar.Cursor after = null;
        for (int page = 0; page < 200; page++) {
            List<ContractDecision> decisions = viaLookup ? calendar.fromLookup(from, to, owner, after, size)
                    : calendar.fromQueries(from, to, owner, after, size);
            assertThat(decisions).isNotNull();
            decisions.stream().limit(size).forEach(decision -> all.add(decision.kind() + " " + decision.dueDate() + " "
                    + decision.contract().getId() + (decision.option() == null ? "" : " " + decision.option()) + (decision.overdue() ? " overdue" : "")));
            if (decisions.size() <= size) {
                return all;
            }
            ContractDecision last = decisions.get(size - 1);
            after = new DecisionsCalendar.Cursor(last.dueDate(), last.contract().getId(), last.kind());
        }
        throw new AssertionError("too many pages");
    }

    private List<String> pages(ContractFilter filter, int size, boolean viaLookup) {
        List<String> ids = new ArrayList<>();
        ScrollPosition position = ScrollPosition.offset();
        for (int page = 0; page < 200; page++) {
            Window<Contract> window = viaLookup ? register.search(filter, position, size) : register.searchByQuery(filter, position, size);
            window.forEach(contract -> ids.add(contract.getId()));
            if (!window.hasNext()) {
                return ids;
            }
            position = window.positionAt(window.size() - 1);
        }
        throw new AssertionError("too many pages");
    }

    private void awaitComplete() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (lookup.read(List.of()) == null) {
            assertThat(System.currentTimeMillis()).as("the lookup is rebuilt").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
