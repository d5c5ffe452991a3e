package org.civicgraph.webhooks.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.cloudevents.ChangeVisibility;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.cloudevents.NotACloudEventException;
import org.civicgraph.webhooks.subscription.Subscription;
import org.civicgraph.webhooks.subscription.WebhookFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the services' topics and writes one {@link Delivery} per event for every active subscription that may see it
 * ({@link ChangeVisibility}, the same rule as the gateway's live changes) and whose filter matches, then hands them to
 * the dispatcher. Records are read in order per key, so a subject's deliveries get increasing sequence numbers. Writing
 * is idempotent on subscription and {@code ce_id}; the offset is committed only after the deliveries are written, so
 * a crash in between writes them again, as the same deliveries. A record that cannot be written is retried until it can
 * (the database away), never parked: see the listener factory in {@code WebhooksConfiguration}.
 */
@Component
class ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final int WRITE_ATTEMPTS = 10;

    private final Dispatcher dispatcher;
    private final DeliveryLog deliveries;
    private final EventConcerns concerns;

    ChangeListener(Dispatcher dispatcher, DeliveryLog deliveries, EventConcerns concerns) {
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.concerns = concerns;
    }

    @KafkaListener(topics = "#{'${civicgraph.webhooks.topics}'.split(',')}",
            groupId = "${civicgraph.webhooks.group-id:webhooks-service.deliveries}",
            containerFactory = "webhookDeliveriesListenerFactory",
            autoStartup = "${civicgraph.webhooks.listener-enabled:true}")
    void on(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        CloudEvent event;
        try {
            event = CloudEvent.fromRecord(record);
        } catch (NotACloudEventException e) {
            log.warn("Skipped a record on {} that is not a CloudEvent: {}", record.topic(), e.getMessage());
            return;
        }
        List<Delivery> due = deliveriesFor(event);
        if (!due.isEmpty()) {
            dispatcher.enqueue(write(due));
        }
    }

    List<Delivery> deliveriesFor(CloudEvent event) {
        LazyConcerns concernsOfEvent = new LazyConcerns(event);
        List<Delivery> due = new ArrayList<>();
        for (Subscription subscription : dispatcher.activeSubscriptions()) {
            if (subscription.receives(event.time())
                    && ChangeVisibility.maySee(subscription.getOwnerOrganisation(), event)
                    && subscription.getFilter().matches(event.type(), concernsOfEvent)) {
                due.add(Delivery.of(subscription.getId(), event, deliveries.nextSequence()));
            }
        }
        if (!concernsOfEvent.asked()) {
            concerns.remember(event); // what its subject concerns, for later events of the subject and its descendants
        }
        return due;
    }

    /** Looks up what an event concerns only when a filter asks, and once. */
    private final class LazyConcerns implements Supplier<WebhookFilter.Concerns> {
        private final CloudEvent event;
        private WebhookFilter.Concerns found;

        LazyConcerns(CloudEvent event) {
            this.event = event;
        }

        @Override
        public WebhookFilter.Concerns get() {
            if (found == null) {
                found = concerns.of(event);
            }
            return found;
        }

        boolean asked() {
            return found != null;
        }
    }

    /** Rides out a short database outage here; a longer one fails the record, which the container retries until it works. */
    private List<Delivery> write(List<Delivery> due) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return deliveries.insertNew(due);
            } catch (DataAccessResourceFailureException e) {
                if (attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
                log.warn("Could not write {} deliveries (attempt {}): {}", due.size(), attempt, e.getMessage());
                Thread.sleep(1_000);
            }
        }
    }
}
