package org.civicgraph.gateway.route;

import com.sun.net.httpserver.HttpServer;
import org.civicgraph.gateway.change.GraphQlWsClient;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A query sent over WebSocket that belongs to one service reaches it with the token given in connection_init. */
@PlatformIntegrationTest
class RoutingOverWebSocketTest {

    private static final List<String> authorizations = new CopyOnWriteArrayList<>();
    private static final HttpServer plansService = fakePlansService();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void plansServiceHere(DynamicPropertyRegistry registry) {
        registry.add("civicgraph.gateway.services.plans", () -> "http://127.0.0.1:" + plansService.getAddress().getPort() + "/graphql");
    }

    @AfterAll
    static void stop() {
        plansService.stop(0);
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
            assertThat(authorizations).containsExactly("Bearer " + token);
        }
    }

    private static HttpServer fakePlansService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/graphql", exchange -> {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = "{\"data\":{\"plan\":{\"id\":\"boston-bc-plan\"}}}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
