package org.civicgraph.platform.events;

import org.civicgraph.platform.cloudevents.EventJson;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A document that records its own change events. The events are saved inside the document, in the same
 * single-document write as the change, so a change and its events are stored together or not at all on any
 * MongoDB server, with or without transactions. {@link OutboxRelay} publishes and removes them afterwards.
 */
public abstract class AggregateRoot {

    @Id
    protected String id;

    @Version
    private Long version;

    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected AggregateRoot() {
    }

    protected AggregateRoot(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    public List<PendingEvent> getPendingEvents() {
        return Collections.unmodifiableList(pendingEvents);
    }

    /**
     * Records that something happened to this aggregate.
     *
     * @param type    the CloudEvents type, versioned, such as {@code org.civicgraph.plans.plan.created.v1}
     * @param subject what the event is about within the source, such as {@code plans/lincolnshire-cc-2020}
     * @param data    the event data, written as JSON
     */
    protected void recordEvent(String type, String subject, Object data) {
        pendingEvents.add(new PendingEvent(UUID.randomUUID().toString(), type, subject, Instant.now(), EventJson.write(data), eventKey()));
    }

    /**
     * The Kafka record key of this aggregate's events; consumers see events with the same key in order. The aggregate
     * id by default; an aggregate that belongs to another (a progress update to its activity) returns the owner's id
     * so that all of the owner's events stay in one order.
     */
    protected String eventKey() {
        return id;
    }
}
