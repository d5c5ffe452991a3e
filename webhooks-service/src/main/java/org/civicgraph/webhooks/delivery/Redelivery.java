package org.civicgraph.webhooks.delivery;

import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.webhooks.subscription.Subscription;
import org.civicgraph.webhooks.subscription.SubscriptionState;
import org.civicgraph.webhooks.subscription.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/** A partner's admin asks for parked (or delivered) events again; they go out after what is pending now. */
@Service
class Redelivery {

    private static final Logger log = LoggerFactory.getLogger(Redelivery.class);

    private final Subscriptions subscriptions;
    private final DeliveryLog deliveries;
    private final Dispatcher dispatcher;

    Redelivery(Subscriptions subscriptions, DeliveryLog deliveries, Dispatcher dispatcher) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    List<Delivery> one(String deliveryId) {
        Delivery delivery = deliveries.find(deliveryId).orElseThrow(() -> new NotFoundException("deliveryId", "No delivery " + deliveryId));
        Subscription subscription = subscriptions.ownedByAdmin(delivery.getSubscriptionId());
        if (delivery.getState() == DeliveryState.PENDING) {
            throw new InvalidInputException("deliveryId", "The delivery is still pending; it is being retried");
        }
        return requeue(subscription, List.of(delivery));
    }

    List<Delivery> parked(String subscriptionId) {
        Subscription subscription = subscriptions.ownedByAdmin(subscriptionId);
        return requeue(subscription, deliveries.parked(subscriptionId));
    }

    private List<Delivery> requeue(Subscription subscription, List<Delivery> wanted) {
        List<Delivery> requeued = new ArrayList<>();
        for (Delivery delivery : wanted) {
            if (deliveries.requeue(delivery, deliveries.nextSequence())) {
                requeued.add(delivery);
            }
        }
        if (subscription.getState() == SubscriptionState.ACTIVE) {
            dispatcher.enqueue(requeued);
        }
        log.info("Webhook {}: {} deliveries queued again by {}", subscription.getId(), requeued.size(), Caller.current().subject());
        return requeued;
    }
}
