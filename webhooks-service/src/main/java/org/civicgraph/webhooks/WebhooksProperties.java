package org.civicgraph.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How webhooks are validated and delivered.
 *
 * @param topics              the services' topics whose events subscribers may receive
 * @param origin              what the handshake names as the sender ({@code WebHook-Request-Origin}), and what an
 *                            endpoint must allow
 * @param allowPlainHttpLoopback whether {@code http://} endpoints on 127.0.0.1/localhost are accepted (development and
 *                            tests); every other endpoint must be {@code https://}. Loopback endpoints of any scheme
 *                            are refused without it
 * @param allowPrivateNetworkEndpoints whether endpoints on private networks (10/8, 172.16/12, 192.168/16, 100.64/10,
 *                            fc00::/7) are accepted, for a deployment whose receivers sit on its own network; link-local
 *                            addresses (cloud metadata services) never are
 * @param connectTimeout      how long a connection to an endpoint may take
 * @param requestTimeout      how long an endpoint may take to answer one delivery (or the handshake) before the attempt
 *                            counts as failed
 * @param firstRetry          the pause after a first failed attempt; each further failure doubles it (with jitter)
 * @param maxRetryInterval    the longest pause between two attempts
 * @param parkAfter           how long after its first attempt a delivery that keeps failing is parked
 * @param secretOverlap       how long the previous secret keeps signing after a rotation, unless the rotation says
 * @param queueSize           how many pending deliveries each subscription keeps in memory; more wait in the database
 * @param deliveredKept       how long delivered deliveries stay listed before MongoDB removes them (a TTL index);
 *                            pending and parked ones stay until delivered
 * @param recoveryInterval    how often a worker also reads what the database holds pending for its subscription (a
 *                            safety net: deliveries reach the queues directly, and are read after a restart or overflow)
 */
@ConfigurationProperties("civicgraph.webhooks")
public record WebhooksProperties(
        @DefaultValue({"civicgraph.plans.v1", "civicgraph.contracts.v1", "civicgraph.indicators.v1", "civicgraph.partners.v1",
                "civicgraph.webhooks.v1"}) List<String> topics,
        @DefaultValue("civicgraph.org") String origin,
        @DefaultValue("false") boolean allowPlainHttpLoopback,
        @DefaultValue("false") boolean allowPrivateNetworkEndpoints,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryInterval,
        @DefaultValue("24h") Duration parkAfter,
        @DefaultValue("24h") Duration secretOverlap,
        @DefaultValue("1000") int queueSize,
        @DefaultValue("30d") Duration deliveredKept,
        @DefaultValue("5m") Duration recoveryInterval) {
}
