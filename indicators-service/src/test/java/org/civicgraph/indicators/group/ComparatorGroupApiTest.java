package org.civicgraph.indicators.group;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.indicators.Events;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ComparatorGroupApiTest {

    private static final String DEFINE = """
            mutation($input: DefineComparatorGroupInput!) {
              defineComparatorGroup(input: $input) { comparatorGroup { id name kind memberCodes members { name } ownerOrganisation } } }""";
    private static final String CHANGE = """
            mutation($input: ChangeComparatorGroupInput!) { changeComparatorGroup(input: $input) { comparatorGroup { name memberCodes } } }""";
    private static final String COMPARE = """
            query($group: ID) { compareIndicator(input: {indicatorId: "gross-median-weekly-pay", areaCode: "E07000136", period: "2021",
                method: QUINTILES, comparatorGroup: $group}) { outcome benchmark benchmarkValue } }""";

    @LocalServerPort
    int port;

    GraphQlHttp graphql;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
    }

    @Test
    void anyoneReadsTheDemoGroupsWithTheirMembers() {
        GraphQlHttp.Response response = graphql.post("""
                { comparatorGroups(kind: COUNTY_DISTRICTS, containing: "E07000136") { id name memberCodes members { name } } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<List<String>>read("$.data.comparatorGroups[*].id")).containsExactly("lincolnshire-districts");
        assertThat(response.<List<String>>read("$.data.comparatorGroups[0].members[*].name")).containsExactly(
                "Boston", "East Lindsey", "Lincoln", "North Kesteven", "South Holland", "South Kesteven", "West Lindsey");
    }

    @Test
    void aComparisonWithinANamedGroupNamesTheGroupAndMatchesTheSameAreasGivenByCode() {
        GraphQlHttp.Response named = graphql.post(COMPARE, Map.of("group", "lincolnshire-districts"));
        GraphQlHttp.Response siblings = graphql.post(COMPARE, Map.of());

        assertThat(named.hasErrors()).as(named.body()).isFalse();
        assertThat(named.<String>read("$.data.compareIndicator.benchmark")).isEqualTo("Lincolnshire districts");
        assertThat(named.<String>read("$.data.compareIndicator.outcome")).isEqualTo(siblings.read("$.data.compareIndicator.outcome"));
        assertThat(named.<Double>read("$.data.compareIndicator.benchmarkValue")).isEqualTo(485.6);
    }

    @Test
    void anUnknownGroupIsAnErrorOnTheArgument() {
        GraphQlHttp.Response response = graphql.post(COMPARE, Map.of("group", "no-such-group"));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("comparatorGroup");
    }

    @Test
    void anEditorDefinesAGroupForTheirOrganisationAndItIsPublished() {
        String id = newId();

        GraphQlHttp.Response response = graphql.as("boston-bc", "editor").post(DEFINE, define(id, "boston-bc", List.of("E07000136", "E07000140", "E07000137")));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<List<String>>read("$.data.defineComparatorGroup.comparatorGroup.members[*].name"))
                .containsExactly("Boston", "South Holland", "East Lindsey");
        ConsumerRecord<String, byte[]> event = Events.published(id, ComparatorGroup.DEFINED);
        String data = new String(event.value(), StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(data, "$.memberCodes")).containsExactly("E07000136", "E07000140", "E07000137");
        assertThat(JsonPath.<String>read(data, "$.ownerOrganisation")).isEqualTo("boston-bc");
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        String id = newId();
        GraphQlHttp editor = graphql.as("boston-bc", "editor");

        GraphQlHttp.Response unknownArea = editor.post(DEFINE, define(id, "boston-bc", List.of("E07000136", "E07999999")));
        GraphQlHttp.Response oneArea = editor.post(DEFINE, define(id, "boston-bc", List.of("E07000136")));
        GraphQlHttp.Response badId = editor.post(DEFINE, define("Not A Slug", "boston-bc", List.of("E07000136", "E07000137")));

        assertThat(unknownArea.<String>read("$.errors[0].extensions.field")).isEqualTo("memberCodes");
        assertThat(unknownArea.<String>read("$.errors[0].message")).contains("memberCodes[1]").contains("E07999999");
        assertThat(oneArea.<String>read("$.errors[0].extensions.field")).isEqualTo("memberCodes");
        assertThat(badId.<String>read("$.errors[0].extensions.field")).isEqualTo("id");
        assertThat(graphql.post("{ comparatorGroup(id: \"" + id + "\") { id } }").<Object>read("$.data.comparatorGroup")).isNull();
    }

    @Test
    void onlyEditorsOfTheOwnerChangeAGroup() {
        String id = newId();
        graphql.as("boston-bc", "editor").post(DEFINE, define(id, "boston-bc", List.of("E07000136", "E07000137")));
        Map<String, Object> change = Map.of("input", Map.of("id", id, "memberCodes", List.of("E07000136", "E07000137", "E07000138")));

        GraphQlHttp.Response anonymous = graphql.post(CHANGE, change);
        GraphQlHttp.Response otherDistrict = graphql.as("west-lindsey-dc", "editor").post(CHANGE, change);
        GraphQlHttp.Response owner = graphql.as("boston-bc", "editor").post(CHANGE, change);

        assertThat(anonymous.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(otherDistrict.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(owner.<List<String>>read("$.data.changeComparatorGroup.comparatorGroup.memberCodes"))
                .containsExactly("E07000136", "E07000137", "E07000138");
        String data = new String(Events.published(id, ComparatorGroup.CHANGED).value(), StandardCharsets.UTF_8);
        assertThat(data).contains("\"memberCodes\"").contains("E07000138");
    }

    private static Map<String, Object> define(String id, String owner, List<String> members) {
        return Map.of("input", Map.of("id", id, "name", "Test group " + id, "kind", "STATISTICAL_NEIGHBOURS", "memberCodes", members,
                "ownerOrganisation", owner));
    }

    private static String newId() {
        return "test-group-" + ThreadLocalRandom.current().nextInt(1_000_000);
    }
}
