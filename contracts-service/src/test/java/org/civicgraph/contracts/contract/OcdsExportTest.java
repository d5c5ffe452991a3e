package org.civicgraph.contracts.contract;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every contract as an OCDS 1.1 release package, validated against the official release package and release schemas
 * (OCDS 1.1.5, copied into the test resources).
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class OcdsExportTest {

    private static final String OCDS_SCHEMAS = "https://standard.open-contracting.org/schema/1__1__5/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static JsonSchema releasePackageSchema;

    @LocalServerPort
    int port;

    @Autowired
    Contracts contracts;

    @BeforeAll
    static void loadSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(OCDS_SCHEMAS, "classpath:ocds-1.1.5/")));
        releasePackageSchema = factory.getSchema(SchemaLocation.of(OCDS_SCHEMAS + "release-package-schema.json"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    @Test
    void aContractIsPublishedAsAValidReleasePackageWithItsInterpretedTerm() throws Exception {
        HttpResponse<String> response = get("/ocds/contracts/healthy-minds-lincolnshire");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(validate(response.body())).isEmpty();
        DocumentContext ocds = JsonPath.parse(response.body());
        assertThat(ocds.<String>read("$.version")).isEqualTo("1.1");
        assertThat(ocds.<String>read("$.releases[0].ocid")).isEqualTo("ocds-civicgraph-healthy-minds-lincolnshire");
        assertThat(ocds.<List<String>>read("$.releases[0].tag")).containsExactly("contract");
        assertThat(ocds.<String>read("$.releases[0].buyer.id")).isEqualTo("lincolnshire-cc");
        assertThat(ocds.<String>read("$.releases[0].awards[0].suppliers[0].id")).isEqualTo("lincolnshire-partnership-nhs-ft");
        assertThat(ocds.<String>read("$.releases[0].awards[0].suppliers[0].name")).isEqualTo("LPFT");
        assertThat(ocds.<String>read("$.releases[0].contracts[0].period.startDate")).isEqualTo("2017-10-01T00:00:00Z");
        assertThat(ocds.<String>read("$.releases[0].contracts[0].period.endDate")).isEqualTo("2020-09-30T23:59:59Z");
        assertThat(ocds.<String>read("$.releases[0].contracts[0].period.maxExtentDate")).isEqualTo("2022-09-30T23:59:59Z");
        assertThat(ocds.<List<String>>read("$.releases[0].contracts[0].milestones[*].id"))
                .containsExactly("review", "extension-option-1", "extension-option-2");
        assertThat(ocds.<String>read("$.releases[0].contracts[0].description")).contains("3 + 1 + 1 years (Sep 2022)");
    }

    @Test
    void everyDemoContractIsAValidReleasePackage() throws Exception {
        for (Contract contract : contracts.findAll()) {
            HttpResponse<String> response = get("/ocds/contracts/" + contract.getId());
            assertThat(response.statusCode()).as(contract.getId()).isEqualTo(200);
            assertThat(validate(response.body())).as(contract.getId()).isEmpty();
        }
    }

    @Test
    void anAmendedContractWithAnExercisedOptionStaysValidAndKeepsTheAmendment() {
        GraphQlHttp editor = GraphQlHttp.onPort(port).as("lincolnshire-cc", "editor");
        Map<String, Object> input = new HashMap<>(Map.of("id", "test-ocds-amended", "strategyId", "community-resilience-and-assets",
                "service", "Children's centres cleaning", "provider", "Unnamed cleaning company", "value", "1250000.50",
                "term", "2 + 1 years (Mar 2026)", "reviewDate", "Oct 2024", "commercialNotes", "Internal: margin 4%"));
        editor.post("mutation($input: RegisterContractInput!) { registerContract(input: $input) { contract { id } } }", Map.of("input", input));
        editor.post("mutation($input: ExtensionOptionDecisionInput!) { exerciseExtensionOption(input: $input) { contract { id } } }",
                Map.of("input", Map.of("id", "test-ocds-amended", "option", 1, "decidedOn", "2024-10-31")));
        GraphQlHttp.Response amended = editor.post("""
                mutation($input: AmendContractInput!) { amendContract(input: $input) { contract { ocdsReleasePackage } } }""",
                Map.of("input", Map.of("id", "test-ocds-amended", "rationale", "Two more sites added", "date", "2025-01-15", "value", "1400000")));

        assertThat(amended.hasErrors()).as(amended.body()).isFalse();
        String json = amended.read("$.data.amendContract.contract.ocdsReleasePackage");
        assertThat(validate(json)).isEmpty();
        DocumentContext ocds = JsonPath.parse(json);
        assertThat(ocds.<List<String>>read("$.releases[0].tag")).containsExactly("contractAmendment");
        assertThat(ocds.<String>read("$.releases[0].contracts[0].amendments[0].rationale")).isEqualTo("Two more sites added");
        assertThat(ocds.<String>read("$.releases[0].contracts[0].amendments[0].date")).isEqualTo("2025-01-15T00:00:00Z");
        assertThat(ocds.<Double>read("$.releases[0].contracts[0].value.amount")).isEqualTo(1400000.0);
        assertThat(ocds.<String>read("$.releases[0].contracts[0].value.currency")).isEqualTo("GBP");
        assertThat(ocds.<String>read("$.releases[0].contracts[0].period.endDate")).isEqualTo("2026-03-31T23:59:59Z");
        assertThat(ocds.<String>read("$.releases[0].contracts[0].milestones[1].status")).isEqualTo("met");
        assertThat(ocds.<String>read("$.releases[0].awards[0].suppliers[0].name")).isEqualTo("Unnamed cleaning company");
        assertThat(json).as("internal fields are never exported").doesNotContain("margin");
    }

    @Test
    void theValidatorRejectsAReleaseWithoutItsOcid() throws Exception {
        String valid = get("/ocds/contracts/camhs").body();
        String broken = JsonPath.parse(valid).delete("$.releases[0].ocid").jsonString();

        assertThat(validate(valid)).isEmpty();
        assertThat(validate(broken)).extracting(ValidationMessage::getMessage).anyMatch(message -> message.contains("ocid"));
    }

    @Test
    void anUnknownContractIsNotFound() throws Exception {
        assertThat(get("/ocds/contracts/no-such-contract").statusCode()).isEqualTo(404);
    }

    private static Set<ValidationMessage> validate(String json) {
        return releasePackageSchema.validate(json, InputFormat.JSON);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
