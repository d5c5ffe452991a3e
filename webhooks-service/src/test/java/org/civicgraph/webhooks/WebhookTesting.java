package org.civicgraph.webhooks;

import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.test.GraphQlHttp;
import org.springframework.kafka.core.KafkaTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the webhook tests share: publishing events as a service would, registering endpoints, verifying signatures. */
final class WebhookTesting {

    static final String REGISTER = """
            mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) {
              secret subscription { id organisation endpoint state validationError allowedRate
                filter { eventTypes organisations areas } } } }""";

    private WebhookTesting() {
    }

    /** Registers the endpoint as an admin of the organisation and returns its id and secret. */
    static Map<String, String> register(GraphQlHttp graphql, String organisation, String endpoint, Map<String, Object> filter) {
        Map<String, Object> input = new java.util.LinkedHashMap<>();
        input.put("endpoint", endpoint);
        if (filter != null) {
            input.put("filter", filter);
        }
        GraphQlHttp.Response response = graphql.as(organisation, "admin").post(REGISTER, Map.of("input", input));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.<String>read("$.data.registerWebhook.subscription.state")).as(response.body()).isEqualTo("ACTIVE");
        return Map.of("id", response.read("$.data.registerWebhook.subscription.id"), "secret", response.read("$.data.registerWebhook.secret"));
    }

    static CloudEvent publish(KafkaTemplate<String, byte[]> kafka, String topic, String type, String subject, String key, String data) {
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), type, "/civicgraph/" + topic.split("\\.")[1] + "-service", subject,
                Instant.now(), key, data);
        try {
            kafka.send(event.toRecord(topic)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Verifies a CivicGraph-Signature header as a receiver would, independently of the service's code. */
    static boolean verifies(String header, String body, String secret) {
        long timestamp = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair[0].equals("t")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return signatures.stream().anyMatch(expected::equals);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
