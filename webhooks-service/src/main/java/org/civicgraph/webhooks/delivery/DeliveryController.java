package org.civicgraph.webhooks.delivery;

import org.civicgraph.platform.graphql.PageRequests;
import org.civicgraph.webhooks.subscription.Subscriptions;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import java.util.Map;

@Controller
class DeliveryController {

    private final Subscriptions subscriptions;
    private final DeliveryLog deliveries;
    private final Redelivery redelivery;
    private final PageRequests pages;

    DeliveryController(Subscriptions subscriptions, DeliveryLog deliveries, Redelivery redelivery, PageRequests pages) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.redelivery = redelivery;
        this.pages = pages;
    }

    @QueryMapping
    Window<Delivery> webhookDeliveries(@Argument String subscriptionId, @Argument DeliveryState state, ScrollSubrange subrange) {
        subscriptions.ownedByAdmin(subscriptionId);
        return deliveries.page(subscriptionId, state, pages.position(subrange), pages.size(subrange));
    }

    @MutationMapping
    Map<String, Object> redeliver(@Argument String deliveryId) {
        return Map.of("deliveries", redelivery.one(deliveryId));
    }

    @MutationMapping
    Map<String, Object> redeliverParked(@Argument String subscriptionId) {
        return Map.of("deliveries", redelivery.parked(subscriptionId));
    }
}
