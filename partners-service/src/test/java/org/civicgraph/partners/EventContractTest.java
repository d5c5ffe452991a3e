package org.civicgraph.partners;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.civicgraph.platform.eventcontracts.EventContractVerifier;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's event contract: every event type the code emits has a JSON Schema that is compatible with the published
 * baseline and a message in the AsyncAPI document, and both are served to anyone. (Every event the other tests publish
 * is checked against its schema as well, after each test class: {@code PublishedEventsCheck}.)
 */
@PlatformIntegrationTest
class EventContractTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/events/schemas");
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void everyEventTypeHasASchemaCompatibleWithItsPublishedBaselineAndAMessageInTheAsyncApiDocument() {
        EventContractVerifier.of(Path.of(""), "partners").verify();
    }

    @Test
    void theAsyncApiDocumentAndEverySchemaAreServedWithoutAToken() throws Exception {
        HttpResponse<String> document = get("/asyncapi.yaml");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(document.body()).isEqualTo(Files.readString(Path.of("src/main/resources/asyncapi.yaml")))
                .contains("address: civicgraph.partners.v1");
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            for (Path file : files.toList()) {
                HttpResponse<String> schema = get("/events/schemas/" + file.getFileName());
                assertThat(schema.statusCode()).as(file.toString()).isEqualTo(200);
                assertThat(schema.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/schema+json"));
                assertThat(json.readTree(schema.body())).isEqualTo(json.readTree(file.toFile()));
            }
        }
        assertThat(get("/events/schemas/org.civicgraph.partners.nothing.v1.schema.json").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
