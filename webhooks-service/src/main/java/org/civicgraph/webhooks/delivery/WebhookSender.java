package org.civicgraph.webhooks.delivery;

import org.civicgraph.webhooks.WebhooksProperties;
import org.civicgraph.webhooks.subscription.EndpointAddresses;
import org.civicgraph.webhooks.subscription.Subscription;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Sends one delivery as a CloudEvent in the HTTP binary content mode: the event's attributes as {@code ce-*} headers,
 * its JSON data as the body, and the {@link Signatures#HEADER} over the timestamp and the body. Any 2xx answer is
 * success; everything else (another status, a refused connection, no answer in time) is a failed attempt.
 */
@Component
class WebhookSender {

    private final HttpClient http;
    private final WebhooksProperties properties;
    private final EndpointAddresses addresses;

    WebhookSender(HttpClient webhookHttpClient, WebhooksProperties properties, EndpointAddresses addresses) {
        this.http = webhookHttpClient;
        this.properties = properties;
        this.addresses = addresses;
    }

    /** How an attempt went: the status (null without an answer), an error for a failure, and a pause the endpoint asked for. */
    record Outcome(boolean succeeded, Integer status, String error, Duration retryAfter) {
    }

    Outcome send(Subscription subscription, Delivery delivery) {
        Optional<String> refusal = addresses.refusal(subscription.endpointUri());
        if (refusal.isPresent()) {
            return new Outcome(false, null, refusal.get(), null);
        }
        byte[] body = delivery.getData() == null ? new byte[0] : delivery.getData().getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        HttpRequest.Builder request = HttpRequest.newBuilder(subscription.endpointUri())
                .timeout(properties.requestTimeout())
                .header("ce-specversion", "1.0")
                .header("ce-id", delivery.getEventId())
                .header("ce-type", delivery.getType())
                .header("ce-source", delivery.getSource())
                .header("Content-Type", "application/json")
                .header("User-Agent", "CivicGraph-Webhooks/1")
                .header(Signatures.HEADER, Signatures.header(now.getEpochSecond(), body, subscription.signingSecrets(now)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (delivery.getSubject() != null) {
            request.header("ce-subject", delivery.getSubject());
        }
        if (delivery.getEventTime() != null) {
            request.header("ce-time", DateTimeFormatter.ISO_INSTANT.format(delivery.getEventTime()));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, null, null);
            }
            return new Outcome(false, status, "HTTP " + status, retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        } catch (HttpTimeoutException e) {
            return new Outcome(false, null, "No answer within " + properties.requestTimeout().toMillis() + " ms", null);
        } catch (IOException e) {
            return new Outcome(false, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "Interrupted", null);
        }
    }

    /** A 429 or 503 may say when to come back, in seconds; dates are ignored. */
    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
