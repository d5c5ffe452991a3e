package org.civicgraph.indicators;

import org.civicgraph.platform.eventcontracts.EventContractVerifier;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;

/**
 * The service's event contract: every event type the code emits has a JSON Schema that is compatible with the published
 * baseline and a message in the AsyncAPI document, and both are served to anyone. (Every event the other tests publish
 * is checked against its schema as well, after each test class: {@code PublishedEventsCheck}.)
 */
@PlatformIntegrationTest
class EventContractTest {

    @LocalServerPort
    int port;

    @Test
    void everyEventTypeHasASchemaCompatibleWithItsPublishedBaselineAndAMessageInTheAsyncApiDocument() {
        EventContractVerifier.of(Path.of(""), "indicators").verify();
    }

    @Test
    void theAsyncApiDocumentAndEverySchemaAreServedWithoutAToken() {
        EventContractVerifier.of(Path.of(""), "indicators").verifyServedAt(port);
    }
}
