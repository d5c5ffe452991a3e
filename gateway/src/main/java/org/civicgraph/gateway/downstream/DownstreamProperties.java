package org.civicgraph.gateway.downstream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the services' GraphQL endpoints are and how long the gateway waits for one.
 * Set with {@code CIVICGRAPH_GATEWAY_SERVICES_PLANS} and so on.
 */
@ConfigurationProperties("civicgraph.gateway")
public record DownstreamProperties(Services services, @DefaultValue("3s") Duration timeout, @DefaultValue("1s") Duration connectTimeout) {

    public record Services(URI plans, URI contracts, URI indicators, URI partners, URI webhooks) {
    }
}
