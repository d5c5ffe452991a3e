package org.civicgraph.webhooks.delivery;

/** Waiting for (another) attempt, delivered, or given up on after the retry period and waiting for a redelivery. */
public enum DeliveryState {
    PENDING, SUCCEEDED, PARKED
}
