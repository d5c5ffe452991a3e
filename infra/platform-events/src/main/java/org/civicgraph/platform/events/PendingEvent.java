package org.civicgraph.platform.events;

import java.time.Instant;

/** An event stored with its aggregate until the relay has published it. {@code data} is JSON. */
public record PendingEvent(String eventId, String type, String subject, Instant time, String data) {
}
