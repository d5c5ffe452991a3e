package org.civicgraph.webhooks.subscription;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;

@Controller
class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record RegisterWebhookInput(String organisation, String endpoint, String description, WebhookFilter filter) {
    }

    record RotateWebhookSecretInput(String id, Integer overlapSeconds) {
    }

    @QueryMapping
    List<Subscription> webhookSubscriptions() {
        return subscriptions.ofCallersOrganisation();
    }

    @QueryMapping
    Subscription webhookSubscription(@Argument String id) {
        return subscriptions.ownedByAdmin(id);
    }

    @MutationMapping
    Map<String, Object> registerWebhook(@Argument RegisterWebhookInput input) {
        Subscriptions.WithSecret registered = subscriptions.register(input.organisation(), input.endpoint(), input.description(), input.filter());
        return Map.of("subscription", registered.subscription(), "secret", registered.secret());
    }

    @MutationMapping
    Map<String, Object> validateWebhook(@Argument String id) {
        return Map.of("subscription", subscriptions.validate(id));
    }

    @MutationMapping
    Map<String, Object> rotateWebhookSecret(@Argument RotateWebhookSecretInput input) {
        Subscriptions.WithSecret rotated = subscriptions.rotateSecret(input.id(), input.overlapSeconds());
        return Map.of("subscription", rotated.subscription(), "secret", rotated.secret());
    }

    @MutationMapping
    Map<String, Object> suspendWebhook(@Argument String id) {
        return Map.of("subscription", subscriptions.suspend(id));
    }

    @SchemaMapping(typeName = "WebhookSubscription")
    String organisation(Subscription subscription) {
        return subscription.getOwnerOrganisation();
    }
}
