package org.civicgraph.gateway.change;

import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A subscriber receives the services' change events from Kafka over GraphQL (Server-Sent Events), filtered. */
@PlatformIntegrationTest
class ChangeSubscriptionTest {

    private static final String SUBSCRIBE = """
            {"query": "subscription { changes(filter: {types: [\\"org.civicgraph.partners.organisation.updated.v1\\"]}) { id type source subject aggregateId data } }"}""";

    @LocalServerPort
    int port;

    @Test
    void aSignedInSubscriberReceivesMatchingChangesAsTheyArePublished() throws Exception {
        String token = TestInfrastructure.get().tokenFor("boston-bc", "viewer");
        try (TestEvents events = new TestEvents()) {
            CompletableFuture<String> firstEvent = CompletableFuture.supplyAsync(() -> firstDataLine(token));
            Instant deadline = Instant.now().plusSeconds(60);
            // The feed starts reading at the latest offset once its consumer has joined: publish until the subscriber sees one.
            while (!firstEvent.isDone() && Instant.now().isBefore(deadline)) {
                events.publish("org.civicgraph.plans.plan.updated.v1", "plans/not-wanted", "not-wanted", "{\"id\":\"not-wanted\"}");
                events.publish("org.civicgraph.partners.organisation.updated.v1", "organisations/boston-bc", "boston-bc", "{\"id\":\"boston-bc\"}");
                Thread.sleep(500);
            }
            String event = firstEvent.get(5, TimeUnit.SECONDS);

            assertThat(event).contains("\"type\":\"org.civicgraph.partners.organisation.updated.v1\"")
                    .contains("\"source\":\"/civicgraph/partners-service\"")
                    .contains("\"subject\":\"organisations/boston-bc\"")
                    .contains("\"aggregateId\":\"boston-bc\"")
                    .doesNotContain("not-wanted");
        }
    }

    @Test
    void anAnonymousSubscriberIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(subscription(null).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("UNAUTHENTICATED").doesNotContain("\"aggregateId\"");
    }

    /** Reads the SSE stream until the first event's payload ("next" with data). */
    private String firstDataLine(String token) {
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(subscription(token).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:") && line.contains("\"changes\"")) {
                        return line;
                    }
                }
            }
            throw new AssertionError("The stream ended without an event");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder subscription(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(SUBSCRIBE));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
