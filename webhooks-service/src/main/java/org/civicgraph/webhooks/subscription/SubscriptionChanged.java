package org.civicgraph.webhooks.subscription;

/**
 * Published in the application after a subscription was saved, so the dispatcher follows its state and secrets.
 * {@code firstActivation}: it has just become active for the first time, so it has no deliveries yet.
 */
public record SubscriptionChanged(Subscription subscription, boolean firstActivation) {
}
