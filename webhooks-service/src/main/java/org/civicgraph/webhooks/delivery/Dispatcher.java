package org.civicgraph.webhooks.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.civicgraph.webhooks.WebhooksProperties;
import org.civicgraph.webhooks.subscription.Subscription;
import org.civicgraph.webhooks.subscription.SubscriptionChanged;
import org.civicgraph.webhooks.subscription.SubscriptionState;
import org.civicgraph.webhooks.subscription.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link SubscriptionWorker} per active subscription, started and stopped as subscriptions change. Deliveries
 * written by the {@link ChangeListener} are handed to their subscription's worker at once; a worker also reads what
 * the database holds pending, so nothing written before a restart is lost. One instance of the service delivers:
 * the per-subject order relies on one worker per subscription.
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Subscriptions subscriptions;
    private final DeliveryLog deliveries;
    private final AttemptRecorder recorder;
    private final WebhookSender sender;
    private final WebhooksProperties properties;
    private final DeliveryMetrics metrics;
    private final Map<String, SubscriptionWorker> workers = new ConcurrentHashMap<>();
    private final Map<String, Subscription> active = new ConcurrentHashMap<>();
    private volatile boolean running;

    Dispatcher(Subscriptions subscriptions, DeliveryLog deliveries, AttemptRecorder recorder, WebhookSender sender,
               WebhooksProperties properties, DeliveryMetrics metrics, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.recorder = recorder;
        this.sender = sender;
        this.properties = properties;
        this.metrics = metrics;
        Gauge.builder("civicgraph.webhooks.queued", this, Dispatcher::queued)
                .description("Pending deliveries in the subscriptions' queues").register(meters);
        Gauge.builder("civicgraph.webhooks.subscriptions.active", active, Map::size)
                .description("Subscriptions receiving deliveries").register(meters);
    }

    @Override
    public void start() {
        running = true;
        for (Subscription subscription : subscriptions.active()) {
            follow(subscription, false);
        }
        log.info("Webhook dispatcher started with {} active subscriptions", active.size());
    }

    @Override
    public void stop() {
        running = false;
        workers.values().forEach(SubscriptionWorker::stop);
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the Kafka listeners start (they start in the default phase), so deliveries always find their workers. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }

    @EventListener
    void on(SubscriptionChanged changed) {
        follow(changed.subscription(), changed.firstActivation());
    }

    private synchronized void follow(Subscription subscription, boolean hasNoDeliveries) {
        if (subscription.getState() == SubscriptionState.ACTIVE) {
            active.put(subscription.getId(), subscription);
            SubscriptionWorker worker = workers.get(subscription.getId());
            if (worker != null) {
                worker.update(subscription);
            } else if (running) {
                worker = new SubscriptionWorker(subscription, deliveries, recorder, sender, properties, metrics, hasNoDeliveries);
                workers.put(subscription.getId(), worker);
                worker.start();
            }
        } else {
            active.remove(subscription.getId());
            SubscriptionWorker worker = workers.remove(subscription.getId());
            if (worker != null) {
                worker.stop();
            }
        }
    }

    /** The subscriptions that receive deliveries now. */
    Collection<Subscription> activeSubscriptions() {
        return active.values();
    }

    void enqueue(List<Delivery> written) {
        for (Delivery delivery : written) {
            SubscriptionWorker worker = workers.get(delivery.getSubscriptionId());
            if (worker != null) {
                worker.enqueue(delivery);
            }
        }
    }

    private double queued() {
        return workers.values().stream().mapToInt(SubscriptionWorker::queued).sum();
    }
}
