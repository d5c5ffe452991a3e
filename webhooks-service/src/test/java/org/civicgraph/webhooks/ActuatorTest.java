package org.civicgraph.webhooks;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@WebhooksIntegrationTest
class ActuatorTest {

    @LocalServerPort
    int port;

    @Test
    void healthAndDeliveryMetricsAreServed() throws Exception {
        assertThat(get("/actuator/health/liveness")).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness")).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health")).contains("\"mongo\"").contains("\"outbox\"").contains("\"status\":\"UP\"");
        assertThat(get("/actuator/prometheus")).contains("civicgraph_webhooks_deliveries_total{outcome=\"parked\"")
                .contains("civicgraph_webhooks_delivery_lag_seconds").contains("civicgraph_webhooks_queued")
                .contains("civicgraph_outbox_published_total");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
