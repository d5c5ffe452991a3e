package org.civicgraph.platform.events;

import java.time.Instant;

/**
 * An event stored with its aggregate until the relay has published it. {@code data} is JSON; {@code key} is the
 * Kafka record key, which decides the events whose order is kept (null in events stored before keys were recorded:
 * the aggregate id is used).
 */
public record PendingEvent(String eventId, String type, String subject, Instant time, String data, String key) {
}
