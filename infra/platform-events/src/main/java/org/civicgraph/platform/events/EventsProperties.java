package org.civicgraph.platform.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where a service publishes its events and how the outbox relay behaves.
 *
 * @param topic         the service's topic, such as {@code civicgraph.plans.v1}
 * @param source        the CloudEvents source, such as {@code /civicgraph/plans-service}
 * @param relayInterval how often the relay looks for unpublished events when nothing wakes it
 * @param batchSize     how many documents with pending events the relay reads at a time
 * @param fullScanInterval how often the relay also searches every aggregate collection for events that no mark
 *                      points to (written by hand or before marks existed); the first pass after start-up always does
 * @param sendTimeout   how long one publish may take before the relay gives up and retries later
 * @param retryBackoff  the first pause before a consumer retries a failed record (doubling up to ten times that)
 * @param retries       how many times a consumer retries a record before parking it on the dead-letter topic
 */
@ConfigurationProperties("civicgraph.events")
public record EventsProperties(
        String topic,
        String source,
        @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("1h") Duration fullScanInterval,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("4") int retries) {
}
