package org.civicgraph.partners.organisation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating, editing, closing and merging organisations, who may do it, and the events every change publishes. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class OrganisationChangesTest {

    private static final String TOPIC = "civicgraph.partners.v1";
    private static final String CREATE = """
            mutation($input: CreateOrganisationInput!) {
              createOrganisation(input: $input) { organisation { id name type status otherNames } } }""";
    private static final String UPDATE = """
            mutation($input: UpdateOrganisationInput!) {
              updateOrganisation(input: $input) { organisation { id name otherNames } } }""";
    private static final String CLOSE = """
            mutation($input: CloseOrganisationInput!) {
              closeOrganisation(input: $input) { organisation { id status closedOn } } }""";
    private static final String MERGE = """
            mutation($input: MergeOrganisationsInput!) {
              mergeOrganisations(input: $input) { mergedId survivor { id otherNames mergedIds identifiers { value } } } }""";
    private static final String RELATE = """
            mutation($input: AddRelationshipInput!) {
              addRelationship(input: $input) { relationship { kind organisation { id } description } } }""";

    private static TopicReader events;

    @LocalServerPort
    int port;

    GraphQlHttp graphql;
    GraphQlHttp platformAdmin;

    @BeforeAll
    static void readTheTopic() {
        events = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC);
    }

    @AfterAll
    static void stopReading() {
        events.close();
    }

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
        platformAdmin = graphql.as("civicgraph", "admin");
    }

    @Test
    void aPlatformAdminRegistersAnOrganisationAndTheEventCarriesNoPersonalData() {
        String id = uniqueId("riverside-housing");
        GraphQlHttp.Response response = platformAdmin.post(CREATE, Map.of("input", Map.of("id", id, "name", "Riverside Zephyr Housing",
                "type", "HOUSING_ASSOCIATION", "otherNames", List.of("RZH"), "areasServed", List.of("E07000136"),
                "contactPoints", List.of(Map.of("kind", "PHONE", "value", "01205 000000", "description", "Switchboard")),
                "contacts", List.of(Map.of("name", "Jo Bloggs", "jobTitle", "Partnerships lead", "email", "jo.bloggs@example.org")))));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.createOrganisation.organisation.status")).isEqualTo("ACTIVE");
        String event = eventData(id, Organisation.REGISTERED);
        assertThat(event).contains("Riverside Zephyr Housing").contains("RZH").contains("01205 000000")
                .doesNotContain("Jo Bloggs").doesNotContain("jo.bloggs@example.org").doesNotContain("Partnerships lead");
    }

    @Test
    void onlyPlatformAdminsRegisterOrganisations() {
        Map<String, Object> input = Map.of("input", Map.of("id", uniqueId("nope"), "name", "Nope", "type", "COMPANY"));

        assertThat(graphql.as("lincolnshire-cc", "admin").post(CREATE, input).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(graphql.as("civicgraph", "editor").post(CREATE, input).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(graphql.post(CREATE, input).errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void aRecordIsRefusedWhenItsIdentifierAlreadyIdentifiesAnotherOrganisationOrItUsesARetiredType() {
        GraphQlHttp.Response taken = platformAdmin.post(CREATE, Map.of("input", Map.of("id", uniqueId("lpft-copy"), "name", "LPFT copy",
                "type", "NHS_TRUST", "identifiers", List.of(Map.of("scheme", "NHS_ODS", "value", "RP7")))));
        GraphQlHttp.Response retired = platformAdmin.post(CREATE, Map.of("input", Map.of("id", uniqueId("old-type"), "name", "Old type",
                "type", "NHS_BODY")));

        assertThat(taken.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(taken.<String>read("$.errors[0].extensions.field")).isEqualTo("identifiers");
        assertThat(taken.<String>read("$.errors[0].message")).contains("lincolnshire-partnership-nhs-ft");
        assertThat(retired.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(retired.<String>read("$.errors[0].extensions.field")).isEqualTo("type");
    }

    @Test
    void anAdminRenamesTheirOrganisationAndARenamedEventCarriesOldAndNewNames() {
        String id = created("Quillby Youth Trust", "VOLUNTARY_OR_COMMUNITY_GROUP");

        GraphQlHttp.Response response = graphql.as(id, "admin").post(UPDATE, Map.of("input", Map.of("id", id, "name", "Quillby Young People's Trust",
                "otherNames", List.of("Quillby Youth Trust", "QYT"))));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        String renamed = eventData(id, Organisation.RENAMED);
        assertThat(renamed).contains("\"old\":\"Quillby Youth Trust\"").contains("\"new\":\"Quillby Young People's Trust\"")
                .contains("\"changedBy\":\"test-user@" + id + "\"");
        assertThat(graphql.post("{ organisations(filter: {nameContains: \"QYT\"}) { edges { node { id } } } }")
                .<List<String>>read("$.data.organisations.edges[*].node.id")).containsExactly(id);
    }

    @Test
    void namedContactsAreForSignedInCallersOnlyAndTheirChangeIsPublishedWithoutThem() {
        String id = created("Wrenfield Community Action", "VOLUNTARY_OR_COMMUNITY_GROUP");
        graphql.as(id, "admin").post(UPDATE, Map.of("input", Map.of("id", id,
                "contacts", List.of(Map.of("name", "Sam Example", "email", "sam.example@example.org", "phone", "07700 900123")))));
        String query = "{ organisation(id: \"" + id + "\") { name contacts { name email phone } } }";

        GraphQlHttp.Response anonymous = graphql.post(query);
        GraphQlHttp.Response signedIn = graphql.as("boston-bc", "viewer").post(query);

        assertThat(anonymous.<Object>read("$.data.organisation.contacts")).isNull();
        assertThat(anonymous.<String>read("$.data.organisation.name")).isEqualTo("Wrenfield Community Action");
        assertThat(signedIn.<List<String>>read("$.data.organisation.contacts[*].name")).containsExactly("Sam Example");
        String updated = eventData(id, Organisation.UPDATED);
        assertThat(updated).contains("\"contacts\"").doesNotContain("Sam Example").doesNotContain("sam.example@example.org")
                .doesNotContain("07700 900123");
    }

    @Test
    void anAdminClosesTheirOrganisationWhichThenLeavesTheDefaultListing() {
        String id = created("Tollbar Training Limited", "COMPANY");

        GraphQlHttp.Response closed = graphql.as(id, "admin").post(CLOSE, Map.of("input", Map.of("id", id, "closedOn", "2024-03-31",
                "reason", "Wound up")));

        assertThat(closed.<String>read("$.data.closeOrganisation.organisation.status")).isEqualTo("CLOSED");
        assertThat(closed.<String>read("$.data.closeOrganisation.organisation.closedOn")).isEqualTo("2024-03-31");
        assertThat(eventData(id, Organisation.CLOSED)).contains("\"closedOn\":\"2024-03-31\"").contains("\"new\":\"CLOSED\"");
        assertThat(idsFound("{ organisations(filter: {nameContains: \"Tollbar Training\"}) { edges { node { id } } } }")).isEmpty();
        assertThat(idsFound("{ organisations(filter: {nameContains: \"Tollbar Training\", status: null}) { edges { node { id } } } }"))
                .containsExactly(id);
        assertThat(graphql.as(id, "admin").post(CLOSE, Map.of("input", Map.of("id", id, "closedOn", "2024-04-01"))).errorCodes())
                .containsExactly("BAD_USER_INPUT");
    }

    @Test
    void aMergedRecordsIdKeepsLeadingToTheSurvivorEverywhere() {
        String survivor = created("Marshby Leisure Trust", "VOLUNTARY_OR_COMMUNITY_GROUP");
        String duplicate = uniqueId("marshby-leisure-dup");
        platformAdmin.post(CREATE, Map.of("input", Map.of("id", duplicate, "name", "Marshby Leisure", "type", "COMPANY",
                "identifiers", List.of(Map.of("scheme", "COMPANIES_HOUSE", "value", "09" + (100000 + (int) (Math.random() * 899999)))))));

        platformAdmin.post("mutation { addUnit(input: {organisationId: \"" + duplicate + "\", slug: \"swimming\", name: \"Swimming\"}) { unit { id } } }");

        GraphQlHttp.Response merged = platformAdmin.post(MERGE, Map.of("input", Map.of("mergedId", duplicate, "survivorId", survivor)));

        assertThat(merged.hasErrors()).as(merged.body()).isFalse();
        assertThat(merged.<List<String>>read("$.data.mergeOrganisations.survivor.otherNames")).contains("Marshby Leisure");
        assertThat(merged.<List<String>>read("$.data.mergeOrganisations.survivor.mergedIds")).containsExactly(duplicate);
        assertThat(merged.<List<String>>read("$.data.mergeOrganisations.survivor.identifiers[*].value")).hasSize(1);
        assertThat(graphql.post("{ organisation(id: \"" + duplicate + "\") { id } }").<String>read("$.data.organisation.id"))
                .isEqualTo(survivor);
        assertThat(graphql.post("{ _entities(representations: [{__typename: \"Organisation\", id: \"" + duplicate + "\"}]) "
                + "{ ... on Organisation { id } } }").<String>read("$.data._entities[0].id")).isEqualTo(survivor);
        assertThat(idsFound("{ organisations(filter: {nameContains: \"Marshby Leisure\", status: null}) { edges { node { id } } } }"))
                .containsExactly(survivor);
        assertThat(graphql.post("{ resolveName(name: \"Marshby Leisure\") { status partner { id } } }")
                .<String>read("$.data.resolveName.partner.id")).isEqualTo(survivor);
        assertThat(graphql.post("{ unit(id: \"" + duplicate + "/swimming\") { name organisation { id } } }")
                .<String>read("$.data.unit.organisation.id")).isEqualTo(survivor);
        assertThat(eventData(duplicate, Organisation.MERGED)).contains("\"mergedInto\":\"" + survivor + "\"");
        assertThat(platformAdmin.post(UPDATE, Map.of("input", Map.of("id", duplicate, "name", "Revived"))).errorCodes())
                .containsExactly("BAD_USER_INPUT");
    }

    @Test
    void mergingNeedsTheRightToChangeBothRecords() {
        String survivor = created("Fenby Arts Collective", "VOLUNTARY_OR_COMMUNITY_GROUP");
        String other = created("Fenby Arts", "VOLUNTARY_OR_COMMUNITY_GROUP");

        GraphQlHttp.Response response = graphql.as(survivor, "admin").post(MERGE, Map.of("input", Map.of("mergedId", other, "survivorId", survivor)));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(graphql.post("{ organisation(id: \"" + other + "\") { id } }").<String>read("$.data.organisation.id")).isEqualTo(other);
    }

    @Test
    void anAdminAddsAProviderRelationshipWhichTheCommissionerSeesFromItsSide() {
        String id = created("Saltmarsh Care Services Limited", "COMPANY");

        GraphQlHttp.Response added = graphql.as(id, "admin").post(RELATE, Map.of("input", Map.of("organisationId", id, "kind", "PROVIDES_TO",
                "otherOrganisationId", "lincolnshire-cc", "description", "Home care", "since", "2023-04-01")));
        GraphQlHttp.Response inverse = graphql.as(id, "admin").post(RELATE, Map.of("input", Map.of("organisationId", id, "kind", "COMMISSIONS",
                "otherOrganisationId", "lincolnshire-cc")));

        assertThat(added.<String>read("$.data.addRelationship.relationship.kind")).isEqualTo("PROVIDES_TO");
        assertThat(inverse.<String>read("$.errors[0].extensions.field")).isEqualTo("kind");
        GraphQlHttp.Response county = graphql.post("{ organisation(id: \"lincolnshire-cc\") { relationships { kind organisation { id } since } } }");
        assertThat(county.<List<String>>read("$.data.organisation.relationships[?(@.organisation.id == '" + id + "')].kind"))
                .containsExactly("COMMISSIONS");
        assertThat(eventData(id, Organisation.RELATIONSHIP_CHANGED)).contains("\"kind\":\"PROVIDES_TO\"")
                .contains("\"otherOrganisationId\":\"lincolnshire-cc\"").contains("\"since\":\"2023-04-01\"");
        assertThat(graphql.as("lincolnshire-cc", "admin").post(RELATE, Map.of("input", Map.of("organisationId", id, "kind", "MEMBER_OF",
                "otherOrganisationId", "lincolnshire-health-and-wellbeing-board"))).errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void anAdminEndsARelationshipWhichStaysListedWithItsEndDateAndTheEndIsPublished() {
        String id = created("Fenwick Meals Limited", "COMPANY");
        GraphQlHttp admin = graphql.as(id, "admin");
        String relationship = admin.post("""
                mutation($input: AddRelationshipInput!) { addRelationship(input: $input) { relationship { id } } }""",
                Map.of("input", Map.of("organisationId", id, "kind", "PROVIDES_TO", "otherOrganisationId", "lincolnshire-cc",
                        "since", "2023-04-01"))).read("$.data.addRelationship.relationship.id");
        String end = """
                mutation($input: EndRelationshipInput!) { endRelationship(input: $input) {
                  organisation { id } relationship { id kind until organisation { id } } } }""";

        GraphQlHttp.Response byTheOtherSide = graphql.as("lincolnshire-cc", "admin").post(end, Map.of("input", Map.of("relationshipId", relationship,
                "until", "2025-03-31")));
        GraphQlHttp.Response tooEarly = admin.post(end, Map.of("input", Map.of("relationshipId", relationship, "until", "2023-03-31")));
        GraphQlHttp.Response ended = admin.post(end, Map.of("input", Map.of("relationshipId", relationship, "until", "2025-03-31",
                "reason", "Contract expired")));

        assertThat(byTheOtherSide.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(tooEarly.<String>read("$.errors[0].extensions.field")).isEqualTo("until");
        assertThat(ended.hasErrors()).as(ended.body()).isFalse();
        assertThat(ended.<String>read("$.data.endRelationship.organisation.id")).isEqualTo(id);
        assertThat(ended.<String>read("$.data.endRelationship.relationship.until")).isEqualTo("2025-03-31");
        assertThat(graphql.post("{ organisation(id: \"lincolnshire-cc\") { relationships { id kind until } } }")
                .<List<String>>read("$.data.organisation.relationships[?(@.id == '" + relationship + "')].until")).containsExactly("2025-03-31");
        assertThat(admin.post(end, Map.of("input", Map.of("relationshipId", relationship, "until", "2025-04-30"))).errorCodes())
                .containsExactly("BAD_USER_INPUT");
        assertThat(admin.post(end, Map.of("input", Map.of("relationshipId", "no-such-relationship", "until", "2025-04-30"))).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(eventData(id, Organisation.RELATIONSHIP_CHANGED, "\"change\":\"ENDED\"")).contains("\"until\":\"2025-03-31\"")
                .contains("\"reason\":\"Contract expired\"").contains("\"id\":\"" + relationship + "\"");
    }

    @Test
    void anAdminAddsAUnitThatIsAddressableOnItsOwn() {
        String id = created("Northdyke District Services", "OTHER");

        GraphQlHttp.Response added = graphql.as(id, "admin").post("""
                mutation { addUnit(input: {organisationId: "%s", slug: "housing-options", name: "Housing options", otherNames: ["Housing advice"]}) {
                  unit { id name } } }""".formatted(id));

        assertThat(added.<String>read("$.data.addUnit.unit.id")).isEqualTo(id + "/housing-options");
        assertThat(graphql.post("{ unit(id: \"" + id + "/housing-options\") { name otherNames organisation { id } } }")
                .<String>read("$.data.unit.organisation.id")).isEqualTo(id);
        assertThat(eventData(id, Organisation.UNIT_ADDED)).contains(id + "/housing-options");
    }

    private String created(String name, String type) {
        String id = uniqueId(name.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        GraphQlHttp.Response response = platformAdmin.post(CREATE, Map.of("input", Map.of("id", id, "name", name, "type", type)));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return id;
    }

    private List<String> idsFound(String query) {
        return graphql.post(query).read("$.data.organisations.edges[*].node.id");
    }

    private static String uniqueId(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The data of the first event of the type published for the organisation, read with a real Kafka consumer. */
    private static String eventData(String organisationId, String type) {
        return eventData(organisationId, type, "");
    }

    /** As {@link #eventData(String, String)}, the first whose data contains the given text. */
    private static synchronized String eventData(String organisationId, String type, String containing) {
        Predicate<ConsumerRecord<String, byte[]>> wanted = record -> organisationId.equals(record.key())
                && type.equals(TopicReader.header(record, "ce_type")) && new String(record.value(), StandardCharsets.UTF_8).contains(containing);
        ConsumerRecord<String, byte[]> event = events.readUntil(wanted, Duration.ofSeconds(30)).stream().filter(wanted).findFirst().orElseThrow();
        assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("organisations/" + organisationId);
        return new String(event.value(), StandardCharsets.UTF_8);
    }
}
