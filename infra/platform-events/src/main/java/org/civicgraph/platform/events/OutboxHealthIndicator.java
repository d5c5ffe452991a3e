package org.civicgraph.platform.events;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Reports how many events wait in the outbox: a growing number means Kafka is unreachable. Never DOWN: writes still work. */
class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxRelay relay;

    OutboxHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("pendingEvents", relay.pendingCount());
    }
}
