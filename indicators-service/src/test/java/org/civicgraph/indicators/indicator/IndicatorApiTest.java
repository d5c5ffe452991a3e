package org.civicgraph.indicators.indicator;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.indicators.Events;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class IndicatorApiTest {

    private static final String DEFINE = """
            mutation($input: DefineIndicatorInput!) {
              defineIndicator(input: $input) { indicator { id name unit polarity lifeStage leverAreas ownerOrganisation } } }""";
    private static final String UPDATE = """
            mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { indicator { id name polarity } } }""";

    @LocalServerPort
    int port;

    @Autowired
    Indicators indicators;

    GraphQlHttp graphql;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
    }

    @Test
    void anyoneReadsADefinition() {
        GraphQlHttp.Response response = graphql.post("""
                { indicator(id: "gross-median-weekly-pay") { name unit polarity source lifeStage leverAreas ownerOrganisation } }""");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.indicator.name")).isEqualTo("Gross median weekly pay");
        assertThat(response.<String>read("$.data.indicator.unit")).isEqualTo("POUNDS");
        assertThat(response.<String>read("$.data.indicator.polarity")).isEqualTo("HIGHER_IS_GOOD");
        assertThat(response.<String>read("$.data.indicator.ownerOrganisation")).isEqualTo("lincolnshire-districts");
        assertThat(response.<String>read("$.data.indicator.source")).contains("section 6.1");
    }

    @Test
    void definitionsFilterByLifeStageAndLeverAreaAndPageByName() {
        GraphQlHttp.Response startWell = graphql.post("""
                { indicators(filter: {lifeStage: START_WELL}, first: 3) { edges { node { name } } pageInfo { hasNextPage } } }""");
        GraphQlHttp.Response housing = graphql.post("""
                { indicators(filter: {leverArea: HOUSING_AND_HOMELESSNESS, lifeStage: LIVE_WELL}, first: 10) { edges { node { id } } } }""");

        assertThat(startWell.<List<String>>read("$.data.indicators.edges[*].node.name")).containsExactly(
                "Maternal smoking at delivery", "Percentage of children aged 10-11 classified as overweight or obese", "Reduced neonatal mortality rate");
        assertThat(startWell.<Boolean>read("$.data.indicators.pageInfo.hasNextPage")).isTrue();
        assertThat(housing.<List<String>>read("$.data.indicators.edges[*].node.id")).containsExactlyInAnyOrder(
                "hospital-admissions-falls", "delayed-transfers-of-care", "hospital-stays-over-21-days");
    }

    @Test
    void aCouncilSystemsServiceAccountFollowsTheSameOwnershipRulesAsItsUsers() {
        GraphQlHttp system = graphql.asServiceAccount("boston-bc-performance-system", "boston-bc", "editor");
        String own = newId();
        String others = newId();

        GraphQlHttp.Response forItsOrganisation = system.post(DEFINE, define(own, "boston-bc"));
        GraphQlHttp.Response forAnother = system.post(DEFINE, define(others, "west-lindsey-dc"));

        assertThat(forItsOrganisation.hasErrors()).as(forItsOrganisation.body()).isFalse();
        assertThat(forAnother.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(graphql.post("{ indicator(id: \"" + others + "\") { id } }").<Object>read("$.data.indicator")).isNull();
    }

    @Test
    void anEditorOfTheOwnerDefinesAnIndicatorAndItIsPublished() {
        String id = newId();

        GraphQlHttp.Response response = graphql.as("boston-bc", "editor").post(DEFINE, define(id, "boston-bc"));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.defineIndicator.indicator.unit")).isEqualTo("RATE_PER_10000");
        assertThat(response.<List<String>>read("$.data.defineIndicator.indicator.leverAreas")).containsExactly("HOUSING_AND_HOMELESSNESS");
        ConsumerRecord<String, byte[]> event = Events.published(id, "org.civicgraph.indicators.indicator.defined.v1");
        assertThat(TopicReader.header(event, "ce_subject")).isEqualTo("indicators/" + id);
        assertThat(JsonPath.<String>read(new String(event.value()), "$.polarity")).isEqualTo("LOWER_IS_GOOD");
        assertThat(JsonPath.<String>read(new String(event.value()), "$.definedBy")).isEqualTo("test-user@boston-bc");
    }

    @Test
    void onlyEditorsOfTheOwningOrganisationDefineItsIndicators() {
        String id = newId();

        GraphQlHttp.Response otherOrganisation = graphql.as("west-lindsey-dc", "editor").post(DEFINE, define(id, "boston-bc"));
        GraphQlHttp.Response viewer = graphql.as("boston-bc", "viewer").post(DEFINE, define(id, "boston-bc"));
        GraphQlHttp.Response anonymous = graphql.post(DEFINE, define(id, "boston-bc"));

        assertThat(otherOrganisation.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(viewer.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(anonymous.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(indicators.existsById(id)).isFalse();
    }

    @Test
    void anIdThatIsNotASlugIsRefusedNamingTheField() {
        Map<String, Object> input = new HashMap<>(input(newId(), "boston-bc"));
        input.put("id", "Homeless Households!");

        GraphQlHttp.Response response = graphql.as("boston-bc", "editor").post(DEFINE, Map.of("input", input));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>read("$.errors[0].extensions.field")).isEqualTo("id");
    }

    @Test
    void definingAnIdTwiceIsAConflict() {
        GraphQlHttp.Response response = graphql.as("lincolnshire-districts", "editor").post(DEFINE, define("anxiety", "lincolnshire-districts"));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        assertThat(indicators.findById("anxiety").orElseThrow().getName()).isEqualTo("Average anxiety rating");
    }

    @Test
    void theOwnersEditorChangesADefinitionAndTheChangeIsPublishedWithOldAndNewValues() {
        String id = newId();
        graphql.as("boston-bc", "editor").post(DEFINE, define(id, "boston-bc"));

        GraphQlHttp.Response response = graphql.as("boston-bc", "admin").post(UPDATE,
                Map.of("input", Map.of("id", id, "polarity", "NO_JUDGEMENT")));
        GraphQlHttp.Response stranger = graphql.as("west-lindsey-dc", "admin").post(UPDATE,
                Map.of("input", Map.of("id", id, "name", "Taken over")));

        assertThat(response.<String>read("$.data.updateIndicator.indicator.polarity")).isEqualTo("NO_JUDGEMENT");
        assertThat(stranger.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(indicators.findById(id).orElseThrow().getName()).isEqualTo("Households in temporary accommodation");
        String data = new String(Events.published(id, "org.civicgraph.indicators.indicator.updated.v1").value());
        assertThat(JsonPath.<String>read(data, "$.changes.polarity.old")).isEqualTo("LOWER_IS_GOOD");
        assertThat(JsonPath.<String>read(data, "$.changes.polarity.new")).isEqualTo("NO_JUDGEMENT");
    }

    @Test
    void indicatorsAreFederatedEntitiesKeyedById() {
        GraphQlHttp.Response sdl = graphql.post("{ _service { sdl } }");
        GraphQlHttp.Response entities = graphql.post("""
                { _entities(representations: [{__typename: "Indicator", id: "anxiety"}, {__typename: "Indicator", id: "no-such-indicator"}]) {
                    ... on Indicator { id name polarity } } }""");

        assertThat(sdl.<String>read("$.data._service.sdl")).containsPattern("type Indicator @key\\(fields : \"id\"");
        assertThat(entities.hasErrors()).as(entities.body()).isFalse();
        assertThat(entities.<String>read("$.data._entities[0].polarity")).isEqualTo("LOWER_IS_GOOD");
        assertThat(entities.<Object>read("$.data._entities[1]")).isNull();
    }

    static String newId() {
        return "test-indicator-" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    private static Map<String, Object> define(String id, String owner) {
        return Map.of("input", input(id, owner));
    }

    private static Map<String, Object> input(String id, String owner) {
        return Map.of("id", id, "name", "Households in temporary accommodation", "unit", "RATE_PER_10000",
                "polarity", "LOWER_IS_GOOD", "leverAreas", List.of("HOUSING_AND_HOMELESSNESS"), "ownerOrganisation", owner);
    }
}
