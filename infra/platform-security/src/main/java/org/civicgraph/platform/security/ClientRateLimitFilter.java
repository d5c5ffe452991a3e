package org.civicgraph.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits each service account's requests to this instance (a token bucket per client id), answering {@code 429} with
 * {@code Retry-After} and a GraphQL-shaped error when a client goes over, so one council system's batch job cannot
 * crowd out everybody else. Runs after the bearer token was checked; requests without a client id pass.
 */
class ClientRateLimitFilter extends OncePerRequestFilter {

    private final ClientRateLimitProperties properties;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final MeterRegistry meters;

    /** @param meters where refusals are counted; null when the service has no metrics */
    ClientRateLimitFilter(ClientRateLimitProperties properties, MeterRegistry meters, LongSupplier clock) {
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Caller.current();
        if (!properties.enabled() || !caller.isServiceAccount()) {
            chain.doFilter(request, response);
            return;
        }
        String clientId = caller.clientId();
        double rate = properties.rateOf(clientId);
        long waitNanos = -buckets.computeIfAbsent(clientId, id -> new TokenBucket(rate, Math.max(Math.max(1, properties.burst()), rate), clock.getAsLong()))
                .tryTake(clock.getAsLong());
        if (waitNanos == 0) {
            chain.doFilter(request, response);
            return;
        }
        if (meters != null) {
            Counter.builder("civicgraph.security.rate.limited").description("Requests refused because a service account went over its rate")
                    .tag("client", clientId).register(meters).increment();
        }
        long retryAfterSeconds = Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"errors\":[{\"message\":\"Client " + clientId.replace("\"", "") + " may make " + rate
                + " requests a second; try again in " + retryAfterSeconds + " s\",\"extensions\":{\"code\":\"RATE_LIMITED\","
                + "\"retryAfterSeconds\":" + retryAfterSeconds + "}}]}");
    }
}
