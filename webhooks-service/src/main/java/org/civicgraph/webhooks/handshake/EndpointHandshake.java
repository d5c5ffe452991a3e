package org.civicgraph.webhooks.handshake;

import org.civicgraph.webhooks.WebhooksProperties;
import org.civicgraph.webhooks.subscription.EndpointAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The CloudEvents webhook abuse-protection handshake (CloudEvents HTTP webhook spec, section 4): before anything is
 * delivered, an OPTIONS request names the sender in {@code WebHook-Request-Origin}; the endpoint agrees by answering
 * 200 (or 204) with {@code WebHook-Allowed-Origin} set to that origin or {@code *}, and may cap the request rate with
 * {@code WebHook-Allowed-Rate} (requests per minute, or {@code *}). Anything else leaves the endpoint unvalidated, so
 * CloudEvents cannot be made to flood a server that never asked for them.
 */
@Component
public class EndpointHandshake {

    public static final String REQUEST_ORIGIN = "WebHook-Request-Origin";
    public static final String ALLOWED_ORIGIN = "WebHook-Allowed-Origin";
    public static final String ALLOWED_RATE = "WebHook-Allowed-Rate";
    private static final Logger log = LoggerFactory.getLogger(EndpointHandshake.class);

    private final HttpClient http;
    private final WebhooksProperties properties;
    private final EndpointAddresses addresses;

    public EndpointHandshake(HttpClient webhookHttpClient, WebhooksProperties properties, EndpointAddresses addresses) {
        this.http = webhookHttpClient;
        this.properties = properties;
        this.addresses = addresses;
    }

    /** What the endpoint answered: allowed (with a rate per minute, null for none), or why not. */
    public record Result(boolean allowed, Integer allowedRate, String error) {
    }

    public Result validate(URI endpoint) {
        Optional<String> refusal = addresses.refusal(endpoint);
        if (refusal.isPresent()) {
            return new Result(false, null, refusal.get());
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .timeout(properties.requestTimeout())
                .header(REQUEST_ORIGIN, properties.origin())
                .header("User-Agent", "CivicGraph-Webhooks/1")
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            log.info("Handshake with {} failed: {}", endpoint, e.toString());
            return new Result(false, null, "The endpoint could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, "Interrupted");
        }
        if (response.statusCode() != 200 && response.statusCode() != 204) {
            return new Result(false, null, "The endpoint answered the handshake with HTTP " + response.statusCode());
        }
        Optional<String> allowedOrigin = response.headers().firstValue(ALLOWED_ORIGIN);
        if (allowedOrigin.isEmpty() || !(allowedOrigin.get().trim().equals("*") || allowedOrigin.get().trim().equals(properties.origin()))) {
            return new Result(false, null, "The endpoint did not allow origin " + properties.origin() + " (" + ALLOWED_ORIGIN + ": "
                    + allowedOrigin.orElse("absent") + ")");
        }
        return new Result(true, rate(response.headers().firstValue(ALLOWED_RATE).orElse(null)), null);
    }

    private static Integer rate(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        try {
            int rate = Integer.parseInt(header.trim());
            return rate > 0 ? rate : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
