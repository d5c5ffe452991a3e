package org.civicgraph.webhooks.delivery;

import org.civicgraph.platform.cloudevents.CloudEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One event for one subscription, with its attempts. The id is the subscription's and the event's ({@code ce-id}), so
 * an event read twice from Kafka is one delivery. {@code sequence} orders a subscription's deliveries as they were
 * read, which within a subject is the order of the changes.
 */
@Document("deliveries")
@CompoundIndexes({
        @CompoundIndex(name = "subscription_state_sequence", def = "{'subscriptionId': 1, 'state': 1, 'sequence': 1}"),
        @CompoundIndex(name = "subscription_sequence", def = "{'subscriptionId': 1, 'sequence': -1}")})
public class Delivery {

    @Id
    private String id;
    private String subscriptionId;
    private String eventId;
    private String type;
    private String source;
    private String subject;
    private Instant eventTime;
    private String aggregateId;
    private String data;
    private long sequence;
    private DeliveryState state;
    private int attempts;
    private Instant createdAt;
    private Instant firstAttemptAt;
    private Instant nextAttemptAt;
    private Integer lastStatus;
    private String lastError;
    private Instant deliveredAt;
    private Instant parkedAt;

    protected Delivery() {
    }

    static Delivery of(String subscriptionId, CloudEvent event, long sequence) {
        Delivery delivery = new Delivery();
        delivery.id = subscriptionId + "/" + event.id();
        delivery.subscriptionId = subscriptionId;
        delivery.eventId = event.id();
        delivery.type = event.type();
        delivery.source = event.source();
        delivery.subject = event.subject();
        delivery.eventTime = event.time();
        delivery.aggregateId = event.aggregateId();
        delivery.data = event.data();
        delivery.sequence = sequence;
        delivery.state = DeliveryState.PENDING;
        delivery.createdAt = Instant.now();
        delivery.nextAttemptAt = delivery.createdAt;
        return delivery;
    }

    /** Deliveries with the same key go out one after another, in sequence. */
    String orderKey() {
        return source + " " + (subject == null ? aggregateId : subject);
    }

    void succeeded(int status, Instant at) {
        attempts++;
        if (firstAttemptAt == null) {
            firstAttemptAt = at;
        }
        state = DeliveryState.SUCCEEDED;
        lastStatus = status;
        lastError = null;
        deliveredAt = at;
        nextAttemptAt = null;
    }

    /** Notes a failed attempt; parks the delivery if it has been failing for the given time, else sets the next attempt. */
    boolean failed(Integer status, String error, Instant at, java.time.Duration parkAfter, java.time.Duration pause) {
        attempts++;
        if (firstAttemptAt == null) {
            firstAttemptAt = at;
        }
        lastStatus = status;
        lastError = error;
        if (!at.isBefore(firstAttemptAt.plus(parkAfter))) {
            state = DeliveryState.PARKED;
            parkedAt = at;
            nextAttemptAt = null;
            return true;
        }
        nextAttemptAt = at.plus(pause);
        return false;
    }

    /** Back to pending for another round of attempts, after everything the subscription has pending now. */
    void again(long newSequence) {
        state = DeliveryState.PENDING;
        sequence = newSequence;
        attempts = 0;
        firstAttemptAt = null;
        parkedAt = null;
        nextAttemptAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public String getEventId() {
        return eventId;
    }

    public String getType() {
        return type;
    }

    public String getSource() {
        return source;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getEventTime() {
        return eventTime;
    }

    public String getAggregateId() {
        return aggregateId;
    }

    public String getData() {
        return data;
    }

    public long getSequence() {
        return sequence;
    }

    public DeliveryState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFirstAttemptAt() {
        return firstAttemptAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public Instant getParkedAt() {
        return parkedAt;
    }
}
