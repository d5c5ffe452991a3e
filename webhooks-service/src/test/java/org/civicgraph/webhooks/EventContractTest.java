package org.civicgraph.webhooks;

import org.civicgraph.platform.eventcontracts.EventContractVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;

/**
 * The service's event contract: every event type the code emits has a JSON Schema that is compatible with the published
 * baseline and a message in the AsyncAPI document, and both are served to anyone. (Every event the other tests publish
 * is checked against its schema as well, after each test class.)
 */
@WebhooksIntegrationTest
class EventContractTest {

    @LocalServerPort
    int port;

    @Test
    void everyEventTypeHasASchemaCompatibleWithItsPublishedBaselineAndAMessageInTheAsyncApiDocument() {
        EventContractVerifier.of(Path.of(""), "webhooks").verify();
    }

    @Test
    void theAsyncApiDocumentAndEverySchemaAreServedWithoutAToken() {
        EventContractVerifier.of(Path.of(""), "webhooks").verifyServedAt(port);
    }
}
