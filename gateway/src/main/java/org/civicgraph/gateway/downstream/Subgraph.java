package org.civicgraph.gateway.downstream;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One service's GraphQL endpoint behind a bulkhead, a circuit breaker and, for reads, a retry. A failure of any
 * kind becomes a {@link ServiceUnavailableException} naming the service, which the view turns into a partial answer.
 */
public class Subgraph {

    private final Service service;
    private final HttpSyncGraphQlClient client;
    private final Bulkhead bulkhead;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final RestClient http;
    private final ConcurrentMap<InFlight, CompletableFuture<ClientGraphQlResponse>> inFlight = new ConcurrentHashMap<>();

    Subgraph(Service service, HttpSyncGraphQlClient client, RestClient http, Bulkhead bulkhead, CircuitBreaker circuitBreaker, Retry retry) {
        this.service = service;
        this.client = client;
        this.http = http;
        this.bulkhead = bulkhead;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
    }

    public Service service() {
        return service;
    }

    /**
     * Runs a read; the caller's bearer token, if any, is passed on so the service applies its own access rules. A read
     * identical to one already in flight (same document, variables and token) waits for that one's answer instead of
     * asking the service again, as Hive Gateway does for its subgraphs: when many callers open the same view at once,
     * the service answers once. Parts of an answer are shared read-only between the callers.
     */
    public ClientGraphQlResponse query(String document, Map<String, Object> variables, String bearerToken) {
        InFlight key = new InFlight(document, Collections.unmodifiableMap(new HashMap<>(variables)), bearerToken);
        CompletableFuture<ClientGraphQlResponse> mine = new CompletableFuture<>();
        CompletableFuture<ClientGraphQlResponse> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            ClientGraphQlResponse response = guardedQuery(document, variables, bearerToken);
            mine.complete(response);
            return response;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private record InFlight(String document, Map<String, Object> variables, String bearerToken) {
    }

    private ClientGraphQlResponse guardedQuery(String document, Map<String, Object> variables, String bearerToken) {
        Supplier<ClientGraphQlResponse> call = () -> execute(document, variables, bearerToken);
        Supplier<ClientGraphQlResponse> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker, Bulkhead.decorateSupplier(bulkhead, call)));
        try {
            return guarded.get();
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException(service, "The " + service.id() + " service is unavailable: " + describe(e), e);
        }
    }

    /**
     * Passes a whole GraphQL request (query, variables, operationName) to the service and returns its answer as it
     * is, errors included: only a transport failure, a timeout or an open circuit counts against the service. Reads
     * are retried, mutations never.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> forward(Map<String, Object> request, String bearerToken, boolean read) {
        Supplier<Map<String, Object>> call = () -> http.post()
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (bearerToken != null) {
                        headers.setBearerAuth(bearerToken);
                    }
                })
                .body(request)
                .exchange((req, res) -> {
                    if (res.getStatusCode().is5xxServerError()) {
                        throw new IllegalStateException("HTTP " + res.getStatusCode().value());
                    }
                    Map<String, Object> body = res.bodyTo(Map.class);
                    if (body == null || !(body.containsKey("data") || body.containsKey("errors"))) {
                        throw new IllegalStateException("HTTP " + res.getStatusCode().value() + " without a GraphQL response");
                    }
                    return body;
                });
        Supplier<Map<String, Object>> guarded = CircuitBreaker.decorateSupplier(circuitBreaker, Bulkhead.decorateSupplier(bulkhead, call));
        if (read) {
            guarded = Retry.decorateSupplier(retry, guarded);
        }
        try {
            return guarded.get();
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException(service, "The " + service.id() + " service is unavailable: " + describe(e), e);
        }
    }

    private ClientGraphQlResponse execute(String document, Map<String, Object> variables, String bearerToken) {
        HttpSyncGraphQlClient authorised = bearerToken == null ? client
                : client.mutate().header("Authorization", "Bearer " + bearerToken).build();
        ClientGraphQlResponse response = authorised.document(document).variables(variables).executeSync();
        if (!response.isValid()) {
            throw new IllegalStateException("invalid response: " + response.getErrors());
        }
        return response;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}
