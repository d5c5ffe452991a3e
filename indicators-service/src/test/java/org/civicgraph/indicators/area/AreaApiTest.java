package org.civicgraph.indicators.area;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class AreaApiTest {

    private static final String REGISTER = """
            mutation($input: RegisterAreaInput!) {
              registerArea(input: $input) { area { code name type parent { code } } }
            }""";
    private static final String RENAME = """
            mutation($input: RenameAreaInput!) {
              renameArea(input: $input) { area { code name } }
            }""";
    private static final String ENGLAND = "E92000001";
    private static final String LINCOLNSHIRE = "E10000019";
    private static final String LEICESTERSHIRE = "E10000018";
    private static final String BOSTON = "E07000136";

    @LocalServerPort
    int port;

    @Autowired
    Areas areas;

    GraphQlHttp graphql;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
    }

    @Test
    void anyoneCanReadADistrictWithItsParentAndAncestorsNearestFirst() {
        GraphQlHttp.Response response = graphql.post("""
                { area(code: "E07000136") { code name type parent { code name } ancestors { name type } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.area.name")).isEqualTo("Boston");
        assertThat(response.<String>read("$.data.area.type")).isEqualTo("DISTRICT");
        assertThat(response.<String>read("$.data.area.parent.name")).isEqualTo("Lincolnshire");
        assertThat(response.<List<String>>read("$.data.area.ancestors[*].name")).containsExactly("Lincolnshire", "East Midlands", "England");
        assertThat(response.<List<String>>read("$.data.area.ancestors[*].type")).containsExactly("COUNTY", "REGION", "COUNTRY");
    }

    @Test
    void aCountryHasNoParentOrAncestors() {
        GraphQlHttp.Response response = graphql.post("{ area(code: \"E92000001\") { name parent { code } ancestors { code } } }");

        assertThat(response.<Object>read("$.data.area.parent")).isNull();
        assertThat(response.<List<Object>>read("$.data.area.ancestors")).isEmpty();
    }

    @Test
    void anUnknownCodeReadsAsNull() {
        GraphQlHttp.Response response = graphql.post("{ area(code: \"E99999999\") { name } }");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<Object>read("$.data.area")).isNull();
    }

    @Test
    void aCountyListsItsSevenDistrictsByName() {
        GraphQlHttp.Response response = graphql.post("{ area(code: \"E10000019\") { children { name type } } }");

        assertThat(response.<List<String>>read("$.data.area.children[*].name")).containsExactly(
                "Boston", "East Lindsey", "Lincoln", "North Kesteven", "South Holland", "South Kesteven", "West Lindsey");
        assertThat(response.<List<String>>read("$.data.area.children[*].type")).containsOnly("DISTRICT");
    }

    @Test
    void areasFilterByTypeAndParentAndPageByName() {
        String query = """
                query($after: String) {
                  areas(filter: {type: DISTRICT, parentCode: "E10000018"}, first: 5, after: $after) {
                    edges { node { name parent { code } } } pageInfo { hasNextPage endCursor } } }""";

        GraphQlHttp.Response first = graphql.post(query, Map.of());
        GraphQlHttp.Response second = graphql.post(query, Map.of("after", first.<String>read("$.data.areas.pageInfo.endCursor")));

        assertThat(first.<List<String>>read("$.data.areas.edges[*].node.name"))
                .containsExactly("Blaby", "Charnwood", "Harborough", "Hinckley and Bosworth", "Melton");
        assertThat(first.<Boolean>read("$.data.areas.pageInfo.hasNextPage")).isTrue();
        assertThat(second.<List<String>>read("$.data.areas.edges[*].node.name"))
                .containsExactly("North West Leicestershire", "Oadby and Wigston");
        assertThat(second.<Boolean>read("$.data.areas.pageInfo.hasNextPage")).isFalse();
        assertThat(second.<List<String>>read("$.data.areas.edges[*].node.parent.code")).containsOnly(LEICESTERSHIRE);
    }

    @Test
    void aPageLargerThanTheLimitIsRefusedNamingTheArgument() {
        GraphQlHttp.Response response = graphql.post("{ areas(first: 5000) { edges { node { code } } } }");

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("first");
    }

    @Test
    void anAdminOfTheReferenceDataOwnerRegistersAnAreaAndItIsPublished() {
        String code = newCode();

        GraphQlHttp.Response response = graphql.as("civicgraph", "admin").post(REGISTER, register(code, "Test Region", "REGION", ENGLAND));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.registerArea.area.name")).isEqualTo("Test Region");
        assertThat(response.<String>read("$.data.registerArea.area.parent.code")).isEqualTo(ENGLAND);
        ConsumerRecord<String, byte[]> event = publishedEvent(code, Area.REGISTERED);
        assertThat(TopicReader.header(event, "ce_source")).isEqualTo("/civicgraph/indicators-service");
        assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("areas/" + code);
        assertThat(new String(event.value())).contains("\"name\":\"Test Region\"").contains("\"parentCode\":\"" + ENGLAND + "\"")
                .contains("\"registeredBy\":\"test-user@civicgraph\"");
    }

    @Test
    void anAdminOfTheReferenceDataOwnerRenamesAnAreaAndTheOldAndNewNamesArePublished() {
        String code = newCode();
        GraphQlHttp civicgraphAdmin = graphql.as("civicgraph", "admin");
        civicgraphAdmin.post(REGISTER, register(code, "Old Name", "REGION", ENGLAND));

        GraphQlHttp.Response response = civicgraphAdmin.post(RENAME, Map.of("input", Map.of("code", code, "name", "New Name")));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.renameArea.area.name")).isEqualTo("New Name");
        assertThat(areas.findById(code).orElseThrow().getName()).isEqualTo("New Name");
        ConsumerRecord<String, byte[]> event = publishedEvent(code, Area.RENAMED);
        assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("areas/" + code);
        String data = new String(event.value());
        assertThat(JsonPath.<String>read(data, "$.code")).isEqualTo(code);
        assertThat(JsonPath.<String>read(data, "$.changedBy")).isEqualTo("test-user@civicgraph");
        assertThat(JsonPath.<String>read(data, "$.changes.name.old")).isEqualTo("Old Name");
        assertThat(JsonPath.<String>read(data, "$.changes.name.new")).isEqualTo("New Name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E0700013", "E070001366", "X07000136", "e07000136", "E07OOO136", "lincolnshire"})
    void aCodeThatIsNotAGssCodeIsRefusedNamingTheFieldAndNothingIsStored(String code) {
        GraphQlHttp.Response response = graphql.as("civicgraph", "admin").post(REGISTER, register(code, "Nowhere", "DISTRICT", LINCOLNSHIRE));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("code");
        assertThat(areas.existsById(code)).isFalse();
    }

    @Test
    void anUnknownParentIsRefusedNamingTheField() {
        String code = newCode();

        GraphQlHttp.Response response = graphql.as("civicgraph", "admin").post(REGISTER, register(code, "Orphan", "DISTRICT", "E10999999"));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("parentCode");
        assertThat(areas.existsById(code)).isFalse();
    }

    @Test
    void aBlankNameIsRefusedNamingTheField() {
        String code = newCode();

        GraphQlHttp.Response response = graphql.as("civicgraph", "admin").post(REGISTER, register(code, "  ", "REGION", ENGLAND));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("name");
        assertThat(areas.existsById(code)).isFalse();
    }

    @Test
    void anAdminOfAnotherOrganisationCannotRegisterAreas() {
        String code = newCode();

        GraphQlHttp.Response response = graphql.as("boston-bc", "admin").post(REGISTER, register(code, "Boston Ward", "REGION", ENGLAND));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(areas.existsById(code)).isFalse();
    }

    @Test
    void anEditorOfTheReferenceDataOwnerWhoIsNotAnAdminCannotRegisterAreas() {
        String code = newCode();

        GraphQlHttp.Response response = graphql.as("civicgraph", "editor").post(REGISTER, register(code, "Editor's Area", "REGION", ENGLAND));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(areas.existsById(code)).isFalse();
    }

    @Test
    void anAnonymousCallerMustSignInToRegisterOrRenameAreas() {
        String code = newCode();

        GraphQlHttp.Response registering = graphql.post(REGISTER, register(code, "Anonymous Area", "REGION", ENGLAND));
        GraphQlHttp.Response renaming = graphql.post(RENAME, Map.of("input", Map.of("code", BOSTON, "name", "Renamed")));

        assertThat(registering.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(renaming.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(areas.existsById(code)).isFalse();
        assertThat(areas.findById(BOSTON).orElseThrow().getName()).isEqualTo("Boston");
    }

    @Test
    void anAdminOfAnotherOrganisationCannotRenameAreas() {
        GraphQlHttp.Response response = graphql.as("boston-bc", "admin").post(RENAME, Map.of("input", Map.of("code", BOSTON, "name", "Renamed")));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(areas.findById(BOSTON).orElseThrow().getName()).isEqualTo("Boston");
    }

    @Test
    void registeringACodeTwiceIsAConflictAndChangesNothing() {
        GraphQlHttp.Response response = graphql.as("civicgraph", "admin").post(REGISTER, register(BOSTON, "Not Boston", "COUNTY", ENGLAND));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        Area boston = areas.findById(BOSTON).orElseThrow();
        assertThat(boston.getName()).isEqualTo("Boston");
        assertThat(boston.getParentCode()).isEqualTo(LINCOLNSHIRE);
    }

    @Test
    void renamingAnUnknownAreaIsNotFoundNamingTheField() {
        GraphQlHttp.Response response = graphql.as("civicgraph", "admin").post(RENAME, Map.of("input", Map.of("code", "E99999999", "name", "Nowhere")));

        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("code");
    }

    @Test
    void renamingToABlankNameIsRefusedAndChangesNothing() {
        GraphQlHttp.Response response = graphql.as("civicgraph", "admin").post(RENAME, Map.of("input", Map.of("code", BOSTON, "name", " ")));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("name");
        assertThat(areas.findById(BOSTON).orElseThrow().getName()).isEqualTo("Boston");
    }

    private static String newCode() {
        return "E99" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static Map<String, Object> register(String code, String name, String type, String parentCode) {
        return Map.of("input", Map.of("code", code, "name", name, "type", type, "parentCode", parentCode));
    }

    private static ConsumerRecord<String, byte[]> publishedEvent(String code, String type) {
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), "civicgraph.indicators.v1")) {
            return reader.readUntil(record -> code.equals(record.key()) && type.equals(TopicReader.header(record, "ce_type")), Duration.ofSeconds(30))
                    .stream().filter(record -> code.equals(record.key()) && type.equals(TopicReader.header(record, "ce_type")))
                    .findFirst().orElseThrow();
        }
    }
}
