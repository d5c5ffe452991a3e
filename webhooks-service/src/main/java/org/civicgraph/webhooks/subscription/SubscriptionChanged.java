package org.civicgraph.webhooks.subscription;

/** Published in the application after a subscription was saved, so the dispatcher follows its state and secrets. */
public record SubscriptionChanged(Subscription subscription) {
}
