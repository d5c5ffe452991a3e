package org.civicgraph.partners.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open Referral UK export, validated record by record against the published HSDS 3.0 organization schema
 * (a copy in src/test/resources/hsds) with a JSON Schema validator that asserts formats such as uuid, email and uri.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class HsdsExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema organizationSchema;

    @LocalServerPort
    int port;

    @BeforeAll
    static void loadSchema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = HsdsExportTest.class.getResourceAsStream("/hsds/organization.json")) {
            // the compiled HSDS file declares no dialect; it uses only keywords draft 7 and later share
            organizationSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }

    @Test
    void everyExportedDemoRecordIsAValidHsdsOrganization() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        JsonNode page;
        int pageNumber = 1;
        do {
            page = get("/hsds/organizations?per_page=40&page=" + pageNumber++);
            page.get("contents").forEach(records::add);
        } while (!page.get("last_page").asBoolean());

        assertThat(records).hasSizeGreaterThanOrEqualTo(72 + 123).hasSize(page.get("total_items").asInt());
        assertThat(records.stream().filter(record -> record.get("uri").asText().startsWith("urn:civicgraph:unit:"))).hasSizeGreaterThanOrEqualTo(123);
        assertThat(records.stream().map(record -> record.get("id").asText()).distinct()).hasSameSizeAs(records);
        for (JsonNode record : records) {
            Set<ValidationMessage> errors = organizationSchema.validate(record);
            assertThat(errors).as(record.toString()).isEmpty();
            assertThat(record.has("contacts")).isFalse();
        }
    }

    @Test
    void aRecordCarriesItsIdentifiersInOrgIdSchemesAndItsParent() throws Exception {
        JsonNode lpft = get("/hsds/organizations/lincolnshire-partnership-nhs-ft");
        JsonNode fire = get("/hsds/organizations/lincolnshire-fire-and-rescue");
        JsonNode county = get("/hsds/organizations/lincolnshire-cc");

        assertThat(lpft.get("name").asText()).isEqualTo("Lincolnshire Partnership NHS Foundation Trust");
        assertThat(lpft.get("alternate_name").asText()).isEqualTo("LPFT");
        assertThat(lpft.get("organization_identifiers").get(0).get("identifier_scheme").asText()).isEqualTo("GB-NHS");
        assertThat(lpft.get("organization_identifiers").get(0).get("identifier").asText()).isEqualTo("RP7");
        assertThat(fire.get("parent_organization_id").asText()).isEqualTo(county.get("id").asText());
        assertThat(get("/hsds/organizations/" + county.get("id").asText()).get("name").asText()).isEqualTo("Lincolnshire County Council");
        assertThat(organizationSchema.validate(lpft)).isEmpty();
    }

    @Test
    void aUnitIsAChildOrganizationOfItsOrganisationsRecord() throws Exception {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ unit(id: \"lincolnshire-cc/secure-unit\") { openReferral } }");
        JsonNode fromGraphQl = JSON.readTree(response.<String>read("$.data.unit.openReferral"));

        JsonNode unit = get("/hsds/organizations/" + fromGraphQl.get("id").asText());
        JsonNode county = get("/hsds/organizations/lincolnshire-cc");

        assertThat(unit).isEqualTo(fromGraphQl);
        assertThat(unit.get("name").asText()).isEqualTo("Secure Unit");
        assertThat(unit.get("alternate_name").asText()).isEqualTo("Lincolnshire County Council Secure Unit");
        assertThat(unit.get("parent_organization_id").asText()).isEqualTo(county.get("id").asText());
        assertThat(unit.get("description").asText()).contains("Part of Lincolnshire County Council").contains("LSU");
        assertThat(organizationSchema.validate(unit)).isEmpty();
    }

    @Test
    void theValidatorRejectsARecordThatBreaksTheSchema() throws Exception {
        ObjectNode broken = (ObjectNode) get("/hsds/organizations/barnardos");
        broken.put("id", "barnardos");
        broken.remove("description");

        assertThat(organizationSchema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theRecordIsAlsoAGraphQlField() throws Exception {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ organisation(id: \"nhs-lincolnshire-ccg\") { openReferral } }");

        JsonNode record = JSON.readTree(response.<String>read("$.data.organisation.openReferral"));
        assertThat(organizationSchema.validate(record)).isEmpty();
        assertThat(record.get("description").asText()).contains("Closed on 2022-06-30");
    }

    @Test
    void anUnknownIdIsNotFound() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/hsds/organizations/no-such-organisation")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
