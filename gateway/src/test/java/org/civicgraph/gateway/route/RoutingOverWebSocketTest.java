package org.civicgraph.gateway.route;

import org.civicgraph.gateway.change.GraphQlWsClient;
import org.civicgraph.gateway.downstream.FakeServices;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A query sent over WebSocket that belongs to one service reaches it with the token given in connection_init. */
@PlatformIntegrationTest
class RoutingOverWebSocketTest {

    @RegisterExtension
    static final FakeServices services = FakeServices.start(List.of("plans"),
            (service, request) -> "{\"data\":{\"plan\":{\"id\":\"boston-bc-plan\"}}}");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void plansServiceHere(DynamicPropertyRegistry registry) {
        services.pointGatewayHere(registry);
    }

    @Test
    void theCallersTokenIsPassedOnToTheServiceThatAnswers() throws Exception {
        String token = TestInfrastructure.get().tokenFor("boston-bc", "editor");
        try (GraphQlWsClient client = GraphQlWsClient.connect(port, token)) {
            assertThat(client.next(Duration.ofSeconds(30)).path("type").asString()).isEqualTo("connection_ack");

            client.subscribe("1", "{ plan(id: \"boston-bc-plan\") { id } }", Map.of());
            JsonNode answer = client.next(Duration.ofSeconds(30));

            assertThat(answer.path("type").asString()).as(answer.toString()).isEqualTo("next");
            assertThat(answer.path("payload").path("data").path("plan").path("id").asString()).isEqualTo("boston-bc-plan");
            assertThat(services.authorizations("plans")).containsExactly("Bearer " + token);
        }
    }

}
