package org.civicgraph.contracts.contract;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key contracts over real HTTP: who may change what, the errors bad input gets, and the events changes publish.
 * The tests share one database with the demo data: each registers contracts of its own (ids from test-), all under
 * one strategy, and changes only those.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ContractApiTest {

    private static final String FIELDS = """
            id ownerOrganisation service provider providerOrganisationId valueAmount ratingScale term commercialNotes performance
            period { startDate endDate maxExtentDate extensionOptions { number state startDate endDate } }
            ratings { scale rating ratedOn correctiveMeasures }
            amendments { id date rationale changes { field oldValue newValue } }""";
    private static final String REGISTER = "mutation($input: RegisterContractInput!) { registerContract(input: $input) { contract { " + FIELDS + " } } }";
    private static final String RATE = "mutation($input: RecordContractRatingInput!) { recordContractRating(input: $input) { contract { " + FIELDS + " } } }";
    private static final String EXERCISE = "mutation($input: ExtensionOptionDecisionInput!) { exerciseExtensionOption(input: $input) { contract { " + FIELDS + " } } }";
    private static final String DECLINE = "mutation($input: ExtensionOptionDecisionInput!) { declineExtensionOption(input: $input) { contract { " + FIELDS + " } } }";
    private static final String AMEND = "mutation($input: AmendContractInput!) { amendContract(input: $input) { contract { " + FIELDS + " } } }";
    private static final String READ = "query($id: ID!) { contract(id: $id) { " + FIELDS + " } }";

    @LocalServerPort
    int port;

    @Autowired
    Contracts contracts;

    GraphQlHttp graphql;
    GraphQlHttp editor;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
        editor = graphql.as("lincolnshire-cc", "editor");
    }

    @Test
    void anEditorOfTheStrategysOwnerRegistersAContractAndItIsPublished() {
        GraphQlHttp.Response response = editor.post(REGISTER, Map.of("input", registration("test-talking-therapies", "Three Years")));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        DocumentContext contract = JsonPath.parse(response.json().read("$.data.registerContract.contract", Map.class));
        assertThat(contract.<String>read("$.ownerOrganisation")).isEqualTo("lincolnshire-cc");
        assertThat(contract.<String>read("$.providerOrganisationId")).isEqualTo("lincolnshire-partnership-nhs-ft");
        assertThat(contract.<String>read("$.valueAmount")).isEqualTo("6000000.00");
        assertThat(contract.<String>read("$.ratingScale")).isEqualTo("PROCUREMENT_ACT_2023");
        assertThat(contract.<String>read("$.period.startDate")).isEqualTo("2025-04-01");
        assertThat(contract.<String>read("$.period.endDate")).isEqualTo("2028-03-31");
        ConsumerRecord<String, byte[]> event = published("test-talking-therapies", Contract.REGISTERED);
        assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("contracts/test-talking-therapies");
        DocumentContext data = JsonPath.parse(new String(event.value(), StandardCharsets.UTF_8));
        assertThat(data.<String>read("$.strategyId")).isEqualTo("community-resilience-and-assets");
        assertThat(data.<String>read("$.value")).isEqualTo("6000000.00");
        assertThat(data.<String>read("$.registeredBy")).isEqualTo("test-user@lincolnshire-cc");
        assertThat(new String(event.value(), StandardCharsets.UTF_8)).as("commercial notes are internal").doesNotContain("Price review");
    }

    @Test
    void commercialNotesAndCorrectiveMeasuresAreForSignedInUsersOnly() {
        editor.post(REGISTER, Map.of("input", registration("test-internal-notes", "Three Years")));

        GraphQlHttp.Response anonymous = graphql.post(READ, Map.of("id", "test-internal-notes"));
        GraphQlHttp.Response signedIn = graphql.as("boston-bc", "viewer").post(READ, Map.of("id", "test-internal-notes"));
        GraphQlHttp.Response poorAnonymous = graphql.post(READ, Map.of("id", "domiciliary-care-cwd"));
        GraphQlHttp.Response poorSignedIn = graphql.as("boston-bc", "viewer").post(READ, Map.of("id", "domiciliary-care-cwd"));

        assertThat(anonymous.<String>read("$.data.contract.service")).isEqualTo("Talking therapies for young people");
        assertThat(anonymous.<Object>read("$.data.contract.commercialNotes")).isNull();
        assertThat(signedIn.<String>read("$.data.contract.commercialNotes")).isEqualTo("Price review in year two");
        assertThat(poorAnonymous.<String>read("$.data.contract.performance")).isEqualTo("Poor");
        assertThat(poorAnonymous.<String>read("$.data.contract.ratings[0].rating")).isEqualTo("POOR");
        assertThat(poorAnonymous.<Object>read("$.data.contract.ratings[0].correctiveMeasures")).isNull();
        assertThat(poorSignedIn.<String>read("$.data.contract.ratings[0].correctiveMeasures")).isEqualTo("Re-tender");
    }

    @Test
    void onlyEditorsOfTheOwnerChangeContracts() {
        editor.post(REGISTER, Map.of("input", registration("test-owned-elsewhere", "2 + 1 years (Mar 2027)")));
        Contract before = settled("test-owned-elsewhere");
        Map<String, Object> exercise = Map.of("input", Map.of("id", "test-owned-elsewhere", "option", 1));

        assertThat(graphql.as("boston-bc", "editor", "admin").post(EXERCISE, exercise).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(graphql.as("lincolnshire-cc", "viewer").post(EXERCISE, exercise).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(graphql.post(EXERCISE, exercise).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(graphql.as("boston-bc", "editor").post(REGISTER, Map.of("input", registration("test-not-yours", "Three Years")))
                .errorCodes()).containsExactly("FORBIDDEN");
        assertUnchanged(before);
        assertThat(contracts.existsById("test-not-yours")).isFalse();
    }

    @Test
    void registeringIntoAnUnknownStrategyOrWithBadInputNamesTheField() {
        Map<String, Object> unknownStrategy = registration("test-no-strategy", "Three Years");
        unknownStrategy.put("strategyId", "no-such-strategy");
        Map<String, Object> badValue = registration("test-bad-value", "Three Years");
        badValue.put("value", "six million");
        Map<String, Object> contradictingStart = registration("test-bad-start", "3 + 1 + 1 years (Sep 2022)");
        contradictingStart.put("startDate", "2017-11-01");

        GraphQlHttp.Response notFound = editor.post(REGISTER, Map.of("input", unknownStrategy));
        GraphQlHttp.Response invalidValue = editor.post(REGISTER, Map.of("input", badValue));
        GraphQlHttp.Response invalidStart = editor.post(REGISTER, Map.of("input", contradictingStart));

        assertThat(notFound.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(notFound.<String>read("$.errors[0].extensions.field")).isEqualTo("strategyId");
        assertThat(invalidValue.<String>read("$.errors[0].extensions.field")).isEqualTo("value");
        assertThat(invalidStart.<String>read("$.errors[0].extensions.field")).isEqualTo("startDate");
        assertThat(contracts.findAllById(List.of("test-no-strategy", "test-bad-value", "test-bad-start"))).isEmpty();
    }

    @Test
    void exercisingAnOptionTwiceIsRefusedNamingTheFieldAndNothingChanges() {
        editor.post(REGISTER, Map.of("input", registration("test-twice-exercised", "2 + 1 + 1 years (Mar 2027)")));

        GraphQlHttp.Response exercised = editor.post(EXERCISE, Map.of("input", Map.of("id", "test-twice-exercised", "option", 1,
                "decidedOn", "2024-09-30", "note", "Outcomes ahead of target")));
        assertThat(exercised.hasErrors()).as(exercised.body()).isFalse();
        assertThat(exercised.<String>read("$.data.exerciseExtensionOption.contract.period.endDate")).isEqualTo("2026-03-31");
        assertThat(exercised.<String>read("$.data.exerciseExtensionOption.contract.period.extensionOptions[0].state")).isEqualTo("EXERCISED");
        ConsumerRecord<String, byte[]> event = published("test-twice-exercised", Contract.OPTION_EXERCISED);
        assertThat(JsonPath.parse(new String(event.value(), StandardCharsets.UTF_8)).<Integer>read("$.option")).isEqualTo(1);
        Contract before = settled("test-twice-exercised");

        GraphQlHttp.Response again = editor.post(EXERCISE, Map.of("input", Map.of("id", "test-twice-exercised", "option", 1)));
        GraphQlHttp.Response unknown = editor.post(EXERCISE, Map.of("input", Map.of("id", "test-twice-exercised", "option", 7)));

        assertThat(again.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(again.<String>read("$.errors[0].extensions.field")).isEqualTo("option");
        assertThat(again.<String>read("$.errors[0].message")).contains("already exercised");
        assertThat(unknown.<String>read("$.errors[0].extensions.field")).isEqualTo("option");
        assertThat(unknown.<String>read("$.errors[0].message")).contains("no option 7");
        assertUnchanged(before);
    }

    @Test
    void aDeclinedOptionCannotBeExercised() {
        editor.post(REGISTER, Map.of("input", registration("test-declined", "2 + 1 + 1 years (Mar 2027)")));

        GraphQlHttp.Response declined = editor.post(DECLINE, Map.of("input", Map.of("id", "test-declined", "option", 1,
                "note", "Re-procuring as part of an integrated service")));
        assertThat(declined.hasErrors()).as(declined.body()).isFalse();
        assertThat(declined.<List<String>>read("$.data.declineExtensionOption.contract.period.extensionOptions[*].state"))
                .containsExactly("DECLINED", "DECLINED");
        assertThat(declined.<String>read("$.data.declineExtensionOption.contract.period.maxExtentDate")).isEqualTo("2025-03-31");
        published("test-declined", Contract.OPTION_DECLINED);
        Contract before = settled("test-declined");

        GraphQlHttp.Response exercise = editor.post(EXERCISE, Map.of("input", Map.of("id", "test-declined", "option", 1)));

        assertThat(exercise.<String>read("$.errors[0].extensions.field")).isEqualTo("option");
        assertThat(exercise.<String>read("$.errors[0].message")).contains("declined");
        assertUnchanged(before);
    }

    @Test
    void ratingsAreCheckedAgainstTheContractsScaleAndNeedCorrectiveMeasuresWhenNotGood() {
        editor.post(REGISTER, Map.of("input", registration("test-rated", "Three Years")));
        Contract before = settled("test-rated");

        GraphQlHttp.Response unknownScale = editor.post(RATE, Map.of("input", Map.of("id", "test-rated", "scale", "STAR_RATING", "rating", "GOOD")));
        GraphQlHttp.Response wrongScale = editor.post(RATE, Map.of("input", Map.of("id", "test-rated", "scale", "LEGACY", "rating", "GOOD")));
        GraphQlHttp.Response offTheScale = editor.post(RATE, Map.of("input", Map.of("id", "test-rated", "scale", "PROCUREMENT_ACT_2023", "rating", "POOR")));
        GraphQlHttp.Response noMeasures = editor.post(RATE, Map.of("input", Map.of("id", "test-rated", "scale", "PROCUREMENT_ACT_2023",
                "rating", "REQUIRES_IMPROVEMENT")));

        assertThat(unknownScale.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(unknownScale.<String>read("$.errors[0].extensions.field")).isEqualTo("scale");
        assertThat(wrongScale.<String>read("$.errors[0].extensions.field")).isEqualTo("scale");
        assertThat(offTheScale.<String>read("$.errors[0].extensions.field")).isEqualTo("rating");
        assertThat(noMeasures.<String>read("$.errors[0].extensions.field")).isEqualTo("correctiveMeasures");
        assertUnchanged(before);

        GraphQlHttp.Response rated = editor.post(RATE, Map.of("input", Map.of("id", "test-rated", "scale", "PROCUREMENT_ACT_2023",
                "rating", "REQUIRES_IMPROVEMENT", "ratedOn", "2025-10-01", "correctiveMeasures", "Improvement plan with monthly reviews")));
        assertThat(rated.hasErrors()).as(rated.body()).isFalse();
        assertThat(rated.<String>read("$.data.recordContractRating.contract.performance")).isEqualTo("Requires improvement");
        ConsumerRecord<String, byte[]> event = published("test-rated", Contract.RATING_RECORDED);
        assertThat(JsonPath.parse(new String(event.value(), StandardCharsets.UTF_8)).<String>read("$.rating")).isEqualTo("REQUIRES_IMPROVEMENT");
        GraphQlHttp.Response compliance = graphql.post("""
                { contract(id: "test-rated") { procurementActCompliance(asOf: "2026-01-15") { applies compliant problems ratingDueBy } } }""");
        assertThat(compliance.<Boolean>read("$.data.contract.procurementActCompliance.applies")).isTrue();
        assertThat(compliance.<Boolean>read("$.data.contract.procurementActCompliance.compliant")).isFalse();
        assertThat(compliance.<List<String>>read("$.data.contract.procurementActCompliance.problems")).singleElement()
                .asString().contains("Has 2 KPIs");
        assertThat(compliance.<String>read("$.data.contract.procurementActCompliance.ratingDueBy")).isEqualTo("2026-10-01");
    }

    @Test
    void anAmendmentIsKeptWithItsRationaleAndAnEndBeforeTheStartChangesNothing() {
        editor.post(REGISTER, Map.of("input", registration("test-amended", "Three Years")));

        GraphQlHttp.Response amended = editor.post(AMEND, Map.of("input", Map.of("id", "test-amended", "rationale",
                "Demand rose after the pandemic: value and term increased by variation", "date", "2025-06-30",
                "value", "6500000", "endDate", "2028-09-30")));
        assertThat(amended.hasErrors()).as(amended.body()).isFalse();
        DocumentContext contract = JsonPath.parse(amended.json().read("$.data.amendContract.contract", Map.class));
        assertThat(contract.<String>read("$.valueAmount")).isEqualTo("6500000.00");
        assertThat(contract.<String>read("$.period.endDate")).isEqualTo("2028-09-30");
        assertThat(contract.<String>read("$.amendments[0].id")).isEqualTo("1");
        assertThat(contract.<String>read("$.amendments[0].date")).isEqualTo("2025-06-30");
        assertThat(contract.<String>read("$.amendments[0].rationale")).startsWith("Demand rose");
        assertThat(contract.<List<String>>read("$.amendments[0].changes[*].field")).containsExactly("value", "endDate");
        assertThat(contract.<List<String>>read("$.amendments[0].changes[*].oldValue")).containsExactly("6000000.00", "2028-03-31");
        ConsumerRecord<String, byte[]> event = published("test-amended", Contract.AMENDED);
        DocumentContext data = JsonPath.parse(new String(event.value(), StandardCharsets.UTF_8));
        assertThat(data.<String>read("$.changes.endDate.new")).isEqualTo("2028-09-30");
        assertThat(data.<String>read("$.amendment")).isEqualTo("1");
        Contract before = settled("test-amended");

        GraphQlHttp.Response backwards = editor.post(AMEND, Map.of("input", Map.of("id", "test-amended", "rationale", "Typo",
                "endDate", "2024-01-01")));
        GraphQlHttp.Response noRationale = editor.post(AMEND, Map.of("input", Map.of("id", "test-amended", "rationale", " ",
                "value", "1")));

        assertThat(backwards.<String>read("$.errors[0].extensions.field")).isEqualTo("endDate");
        assertThat(noRationale.<String>read("$.errors[0].extensions.field")).isEqualTo("rationale");
        assertUnchanged(before);
    }

    @Test
    void contractsAreFoundByProviderOrganisationOrNameAsWritten() {
        assertThat(contractIds("{providerOrganisationId: \"lincolnshire-partnership-nhs-ft\", strategyId: \"children-are-safe-and-healthy\"}"))
                .startsWith("camhs", "healthy-minds-lincolnshire");
        assertThat(contractIds("{providerNameContains: \"BARNARDO'S\"}"))
                .containsExactlyInAnyOrder("return-interview-service", "leaving-care-services");
        assertThat(contractIds("{providerResolution: UNRESOLVED}")).contains("independent-foster-care", "waste-treatment-and-disposal")
                .doesNotContain("camhs");
        assertThat(contractIds("{flaggedForReview: true}")).contains("strategic-place-shaping", "chance-to-share-peele-school", "gritter-fleet-lease");

        GraphQlHttp.Response organisation = graphql.post("""
                { _entities(representations: [{__typename: "Organisation", id: "boston-bc"}]) {
                    ... on Organisation { id contractsAsProvider(first: 10) { edges { node { id } } } } } }""");
        assertThat(organisation.<List<String>>read("$.data._entities[0].contractsAsProvider.edges[*].node.id"))
                .containsExactly("boston-barrier-project-review");
    }

    @Test
    void aDistrictIsServedByItsOwnContractsAndItsCountysMarkedAsInherited() {
        GraphQlHttp.Response response = graphql.post("""
                { contractsServingArea(area: "E07000136", first: 100) { edges { node { recordedFor inherited contract { id } } } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        List<Map<String, Object>> served = response.read("$.data.contractsServingArea.edges[*].node");
        assertThat(served).filteredOn(entry -> Boolean.FALSE.equals(entry.get("inherited")))
                .extracting(entry -> (String) ((Map<?, ?>) entry.get("contract")).get("id"))
                .containsExactlyInAnyOrder("boston-barrier-project-review", "boston-investment-options-appraisal", "chance-to-share-kirton-middlecott");
        assertThat(served).filteredOn(entry -> "camhs".equals(((Map<?, ?>) entry.get("contract")).get("id")))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.get("recordedFor")).isEqualTo("E10000019");
                    assertThat(entry.get("inherited")).isEqualTo(true);
                });
        assertThat(served).noneMatch(entry -> "k31-grantham".equals(((Map<?, ?>) entry.get("contract")).get("id")));
    }

    @Test
    void theDecisionsCalendarListsReviewsExtensionDecisionsAndExpiriesInDateOrder() {
        String calendar = """
                query($after: String) { decisionsCalendar(days: 90, from: "2018-01-01", ownerOrganisation: "lincolnshire-cc", first: 100, after: $after) {
                  edges { node { kind dueDate option overdue contract { id } } } pageInfo { hasNextPage endCursor } } }""";
        GraphQlHttp.Response response = graphql.post(calendar, new HashMap<>());

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        List<Map<String, Object>> decisions = response.read("$.data.decisionsCalendar.edges[*].node");
        assertThat(decisions).extracting(ContractApiTest::summary).contains(
                "REVIEW_DUE camhs 2018-01-31 null false",
                "EXTENSION_DECISION_DUE camhs 2017-10-02 1 true",
                "EXTENSION_DECISION_DUE supported-accommodation-homelessness 2018-01-01 1 false",
                "EXPIRING return-interview-service 2018-03-31 null false",
                "EXPIRING citizens-advice-grant 2018-03-31 null false");
        assertThat(decisions).extracting(decision -> (String) decision.get("dueDate")).isSorted();
        assertThat(decisions).noneMatch(decision -> "domiciliary-care-cwd".equals(((Map<?, ?>) decision.get("contract")).get("id")));

        GraphQlHttp.Response tooLong = graphql.post("{ decisionsCalendar(days: 5000) { edges { node { kind } } } }");
        assertThat(tooLong.<String>read("$.errors[0].extensions.field")).isEqualTo("days");
    }

    @Test
    void theDecisionsCalendarPagesWithCursorsAndListsRatingsDueUnderTheProcurementAct() {
        String calendar = """
                query($first: Int, $after: String, $from: String) { decisionsCalendar(days: 366, from: $from, ownerOrganisation: "lincolnshire-cc",
                  first: $first, after: $after) { edges { node { kind dueDate option overdue contract { id } } } pageInfo { hasNextPage endCursor } } }""";
        Map<String, Object> whole = new HashMap<>(Map.of("first", 100, "from", "2017-10-01"));
        List<String> all = graphql.post(calendar, whole).<List<Map<String, Object>>>read("$.data.decisionsCalendar.edges[*].node")
                .stream().map(ContractApiTest::summary).toList();
        assertThat(all).hasSizeGreaterThan(7);

        List<String> paged = new java.util.ArrayList<>();
        Map<String, Object> variables = new HashMap<>(Map.of("first", 3, "from", "2017-10-01"));
        for (int page = 0; page < 50; page++) {
            GraphQlHttp.Response response = graphql.post(calendar, variables);
            assertThat(response.hasErrors()).as(response.body()).isFalse();
            response.<List<Map<String, Object>>>read("$.data.decisionsCalendar.edges[*].node").forEach(node -> paged.add(summary(node)));
            if (!response.<Boolean>read("$.data.decisionsCalendar.pageInfo.hasNextPage")) {
                break;
            }
            variables.put("after", response.read("$.data.decisionsCalendar.pageInfo.endCursor"));
        }
        assertThat(paged).containsExactlyElementsOf(all);

        Map<String, Object> rated = registration("test-rating-due", "Three Years");
        rated.put("startDate", "2024-06-01");
        assertThat(editor.post(REGISTER, Map.of("input", rated)).hasErrors()).isFalse();
        Map<String, Object> beforeDue = new HashMap<>(Map.of("first", 100, "from", "2025-05-01"));
        Map<String, Object> afterDue = new HashMap<>(Map.of("first", 100, "from", "2025-07-01"));
        assertThat(graphql.post(calendar, beforeDue).<List<Map<String, Object>>>read("$.data.decisionsCalendar.edges[*].node"))
                .extracting(ContractApiTest::summary).contains("RATING_DUE test-rating-due 2025-06-01 null false");
        assertThat(graphql.post(calendar, afterDue).<List<Map<String, Object>>>read("$.data.decisionsCalendar.edges[*].node"))
                .extracting(ContractApiTest::summary).contains("RATING_DUE test-rating-due 2025-06-01 null true");

        GraphQlHttp.Response badCursor = graphql.post(calendar, new HashMap<>(Map.of("after", "bm90LWEtY3Vyc29y")));
        assertThat(badCursor.hasErrors()).isTrue();
    }

    private Map<String, Object> registration(String id, String term) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("strategyId", "community-resilience-and-assets");
        input.put("service", "Talking therapies for young people");
        input.put("provider", "LPFT");
        input.put("providerOrganisationIds", List.of("lincolnshire-partnership-nhs-ft"));
        input.put("value", "6000000");
        input.put("term", term);
        if (!term.contains("(")) {
            input.put("startDate", "2025-04-01");
        }
        input.put("reviewDate", "Jan 2026");
        input.put("reviewDecides", "EXTENSION");
        input.put("kpis", true);
        input.put("kpiCount", 2);
        input.put("paymentTerms", Map.of("timing", "ARREARS", "frequency", "QUARTERLY", "asWritten", "Arrears (quarterly)"));
        input.put("commercialNotes", "Price review in year two");
        input.put("areas", List.of("E10000019"));
        input.put("procuredUnderProcurementAct2023", true);
        return input;
    }

    private List<String> contractIds(String filter) {
        GraphQlHttp.Response response = graphql.post("{ contracts(filter: " + filter + ", first: 100) { edges { node { id } } } }");
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response.read("$.data.contracts.edges[*].node.id");
    }

    private static String summary(Map<String, Object> decision) {
        return decision.get("kind") + " " + ((Map<?, ?>) decision.get("contract")).get("id") + " " + decision.get("dueDate") + " "
                + decision.get("option") + " " + decision.get("overdue");
    }

    private static ConsumerRecord<String, byte[]> published(String id, String type) {
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), "civicgraph.contracts.v1")) {
            Predicate<ConsumerRecord<String, byte[]>> wanted = record -> id.equals(record.key())
                    && type.equals(TopicReader.header(record, "ce_type"));
            return reader.readUntil(wanted, Duration.ofSeconds(30)).stream().filter(wanted).findFirst().orElseThrow();
        }
    }

    /** The contract once the outbox relay has published its events, which bumps the version. */
    private Contract settled(String id) {
        Instant deadline = Instant.now().plusSeconds(10);
        Contract contract = contracts.findById(id).orElseThrow();
        while (!contract.getPendingEvents().isEmpty() && Instant.now().isBefore(deadline)) {
            pause();
            contract = contracts.findById(id).orElseThrow();
        }
        assertThat(contract.getPendingEvents()).as("events of " + id + " still waiting to be published").isEmpty();
        return contract;
    }

    private void assertUnchanged(Contract before) {
        Contract after = contracts.findById(before.getId()).orElseThrow();
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(after.getRevision()).isEqualTo(before.getRevision());
        assertThat(after.getPendingEvents()).isEmpty();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
