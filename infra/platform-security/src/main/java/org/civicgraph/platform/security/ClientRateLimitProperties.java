package org.civicgraph.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * How many requests a second each service account may make to one instance of a service, with a burst allowance
 * (at least one second's worth);
 * {@code clients} sets a different rate for named clients. Users signed in through the portal are not limited here.
 */
@ConfigurationProperties("civicgraph.security.client-rate-limit")
public record ClientRateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") double requestsPerSecond,
        @DefaultValue("40") int burst,
        @DefaultValue Map<String, Double> clients) {

    double rateOf(String clientId) {
        return clients.getOrDefault(clientId, requestsPerSecond);
    }
}
