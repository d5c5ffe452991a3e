package org.civicgraph.partners.partnership;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.partners.partner.PartnerKind;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding and removing partnership members: who may (the leads' admins and platform admins; a member's own admins to
 * withdraw it), what is checked, and the events. Each test works on a partnership of its own.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class PartnershipChangesTest {

    private static final String ADD = """
            mutation($input: AddPartnershipMemberInput!) { addPartnershipMember(input: $input) {
              partnership { id leverArea members { role partner { id } } }
              member { role since units { id } partner { __typename id } partnership { id } } } }""";
    private static final String REMOVE = """
            mutation($input: RemovePartnershipMemberInput!) { removePartnershipMember(input: $input) {
              partnership { members { partner { id } } } removed { role partner { id } } } }""";

    private static TopicReader events;

    @LocalServerPort
    int port;

    @Autowired
    PartnershipDirectory directory;

    GraphQlHttp graphql;
    GraphQlHttp platformAdmin;
    String lead;
    String partnership;

    @BeforeAll
    static void readTheTopic() {
        events = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), "civicgraph.partners.v1");
    }

    @AfterAll
    static void stopReading() {
        events.close();
    }

    @BeforeEach
    void aPartnershipLedByANewOrganisation() {
        graphql = GraphQlHttp.onPort(port);
        platformAdmin = graphql.as("civicgraph", "admin");
        lead = created("Ormsfield District Council");
        partnership = "ormsfield-climate-" + UUID.randomUUID().toString().substring(0, 8);
        directory.register(Partnership.register(partnership, "Ormsfield climate partners", LeverArea.ENVIRONMENT_AND_CLIMATE, "ormsfield-plan",
                List.of(new PartnershipMember(PartnerKind.ORGANISATION, lead, PartnerRole.LEAD, List.of(), null, null))));
    }

    @Test
    void aLeadsAdminAddsAMemberWithARoleWhichEveryListingShowsAndAnEventRecords() {
        String member = created("Ormsfield Rivers Trust");
        graphql.as("civicgraph", "admin").post("mutation { addUnit(input: {organisationId: \"" + member
                + "\", slug: \"volunteers\", name: \"Volunteers\"}) { unit { id } } }");

        GraphQlHttp.Response added = graphql.as(lead, "admin").post(ADD, input(PartnerKind.ORGANISATION, member, "PARTNER",
                "unitIds", List.of(member + "/volunteers"), "since", "2025-04-01"));

        assertThat(added.hasErrors()).as(added.body()).isFalse();
        assertThat(added.<String>read("$.data.addPartnershipMember.member.partner.id")).isEqualTo(member);
        assertThat(added.<String>read("$.data.addPartnershipMember.member.role")).isEqualTo("PARTNER");
        assertThat(added.<String>read("$.data.addPartnershipMember.member.since")).isEqualTo("2025-04-01");
        assertThat(added.<List<String>>read("$.data.addPartnershipMember.member.units[*].id")).containsExactly(member + "/volunteers");
        assertThat(added.<List<String>>read("$.data.addPartnershipMember.partnership.members[*].partner.id")).containsExactly(lead, member);
        assertThat(graphql.post("{ organisation(id: \"" + member + "\") { partnerships { role partnership { id leverArea } } } }")
                .<List<String>>read("$.data.organisation.partnerships[*].partnership.id")).containsExactly(partnership);
        assertThat(graphql.post("{ unit(id: \"" + member + "/volunteers\") { partnerships { partnership { id } } } }")
                .<List<String>>read("$.data.unit.partnerships[*].partnership.id")).containsExactly(partnership);
        String event = eventData(Partnership.MEMBER_ADDED);
        assertThat(event).contains("\"partnerId\":\"" + member + "\"").contains("\"role\":\"PARTNER\"")
                .contains("\"leverArea\":\"ENVIRONMENT_AND_CLIMATE\"").contains("\"changedBy\":\"test-user@" + lead + "\"");
    }

    @Test
    void onlyTheLeadsAdminsAndPlatformAdminsAddMembers() {
        String outsider = created("Ormsfield Angling Club");
        Map<String, Object> input = input(PartnerKind.ORGANISATION, outsider, "PARTNER");

        assertThat(graphql.as(outsider, "admin").post(ADD, input).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(graphql.as(lead, "editor").post(ADD, input).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(graphql.post(ADD, input).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(platformAdmin.post(ADD, input).hasErrors()).isFalse();
        assertThat(platformAdmin.post(ADD, input(PartnerKind.PARTNER_GROUP, "sports-clubs", "PARTNER")).hasErrors()).isFalse();
    }

    @Test
    void aMemberWithdrawsItselfButThePartnershipKeepsItsOnlyLead() {
        String member = created("Ormsfield Food Partnership");
        graphql.as(lead, "admin").post(ADD, input(PartnerKind.ORGANISATION, member, "PARTNER"));

        GraphQlHttp.Response withdrawn = graphql.as(member, "admin").post(REMOVE, input(PartnerKind.ORGANISATION, member, null,
                "reason", "Wound up"));
        GraphQlHttp.Response lastLead = graphql.as(lead, "admin").post(REMOVE, input(PartnerKind.ORGANISATION, lead, null));

        assertThat(withdrawn.hasErrors()).as(withdrawn.body()).isFalse();
        assertThat(withdrawn.<String>read("$.data.removePartnershipMember.removed.role")).isEqualTo("PARTNER");
        assertThat(withdrawn.<List<String>>read("$.data.removePartnershipMember.partnership.members[*].partner.id")).containsExactly(lead);
        assertThat(eventData(Partnership.MEMBER_REMOVED)).contains("\"partnerId\":\"" + member + "\"").contains("\"reason\":\"Wound up\"");
        assertThat(lastLead.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(lastLead.<String>read("$.errors[0].message")).contains("only lead");
        assertThat(graphql.as(member, "admin").post(REMOVE, input(PartnerKind.ORGANISATION, lead, null)).errorCodes())
                .containsExactly("FORBIDDEN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatIsAddedMustExistBelongAndNotBeThereAlready() {
        String member = created("Ormsfield Cycling Hub");
        GraphQlHttp admin = graphql.as(lead, "admin");
        admin.post(ADD, input(PartnerKind.ORGANISATION, member, "PARTNER"));

        GraphQlHttp.Response again = admin.post(ADD, input(PartnerKind.ORGANISATION, member, "LEAD"));
        GraphQlHttp.Response unknown = admin.post(ADD, input(PartnerKind.ORGANISATION, "no-such-organisation", "PARTNER"));
        GraphQlHttp.Response foreignUnit = admin.post(ADD, input(PartnerKind.ORGANISATION, "boston-bc", "PARTNER",
                "unitIds", List.of("lincolnshire-cc/public-health")));
        GraphQlHttp.Response closed = admin.post(ADD, input(PartnerKind.ORGANISATION, "nhs-lincolnshire-ccg", "PARTNER"));
        Map<String, Object> noPartnership = input(PartnerKind.ORGANISATION, member, "PARTNER");
        ((Map<String, Object>) noPartnership.get("input")).put("partnershipId", "no-such-partnership");

        assertThat(again.<String>read("$.errors[0].message")).contains("already a member").contains("PARTNER");
        assertThat(unknown.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(foreignUnit.<String>read("$.errors[0].extensions.field")).isEqualTo("unitIds");
        assertThat(closed.<String>read("$.errors[0].message")).contains("closed on 2022-06-30");
        assertThat(platformAdmin.post(ADD, noPartnership).errorCodes()).containsExactly("NOT_FOUND");
    }

    private Map<String, Object> input(PartnerKind kind, String partnerId, String role, Object... more) {
        Map<String, Object> input = new HashMap<>(Map.of("partnershipId", partnership, "partnerKind", kind.name(), "partnerId", partnerId));
        if (role != null) {
            input.put("role", role);
        }
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return new HashMap<>(Map.of("input", input));
    }

    private String created(String name) {
        String id = name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + UUID.randomUUID().toString().substring(0, 8);
        GraphQlHttp.Response response = platformAdmin.post("""
                mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }""",
                Map.of("input", Map.of("id", id, "name", name, "type", "VOLUNTARY_OR_COMMUNITY_GROUP")));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return id;
    }

    /** The data of the first event of the type published for this test's partnership, read with a real Kafka consumer. */
    private synchronized String eventData(String type) {
        ConsumerRecord<String, byte[]> event = events.readUntil(record -> partnership.equals(record.key())
                        && type.equals(TopicReader.header(record, "ce_type")), Duration.ofSeconds(30)).stream()
                .filter(record -> partnership.equals(record.key()) && type.equals(TopicReader.header(record, "ce_type")))
                .findFirst().orElseThrow();
        assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("partnerships/" + partnership);
        return new String(event.value(), StandardCharsets.UTF_8);
    }
}
