package org.civicgraph.webhooks.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code civicgraph_webhooks_deliveries_total{outcome=succeeded|failed|parked}} counts attempts by how they ended;
 * {@code civicgraph_webhooks_delivery_lag_seconds} times each successful delivery from the change (the event's time),
 * with percentiles; {@code civicgraph_webhooks_queued} is set by the dispatcher.
 */
@Component
class DeliveryMetrics {

    private final Counter succeeded;
    private final Counter failed;
    private final Counter parked;
    private final Timer lag;

    DeliveryMetrics(MeterRegistry meters) {
        succeeded = Counter.builder("civicgraph.webhooks.deliveries").tag("outcome", "succeeded").description("Delivery attempts by outcome").register(meters);
        failed = Counter.builder("civicgraph.webhooks.deliveries").tag("outcome", "failed").description("Delivery attempts by outcome").register(meters);
        parked = Counter.builder("civicgraph.webhooks.deliveries").tag("outcome", "parked").description("Delivery attempts by outcome").register(meters);
        lag = Timer.builder("civicgraph.webhooks.delivery.lag").description("From the change to its successful delivery")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    void attempted(Delivery delivery, boolean success) {
        if (success) {
            succeeded.increment();
            if (delivery.getEventTime() != null) {
                lag.record(Duration.between(delivery.getEventTime(), Instant.now()));
            }
        } else if (delivery.getState() == DeliveryState.PARKED) {
            parked.increment();
        } else {
            failed.increment();
        }
    }
}
