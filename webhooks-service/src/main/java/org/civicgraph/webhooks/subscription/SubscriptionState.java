package org.civicgraph.webhooks.subscription;

/** Whether a subscription receives deliveries: only once its endpoint has passed the handshake, and until suspended. */
public enum SubscriptionState {
    PENDING_VALIDATION, ACTIVE, SUSPENDED
}
