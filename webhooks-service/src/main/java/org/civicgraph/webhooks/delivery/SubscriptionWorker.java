package org.civicgraph.webhooks.delivery;

import org.civicgraph.webhooks.WebhooksProperties;
import org.civicgraph.webhooks.subscription.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers one subscription's events on a thread of its own, one request at a time, so a slow or failing endpoint
 * only ever holds up itself. Its queue holds up to {@code queueSize} pending deliveries in sequence order; more wait in
 * the database and are read when the queue has drained. Within a subject, a delivery goes out only once every earlier
 * one has succeeded or been parked: a delivery waiting for its retry holds back the later ones of its subject, not
 * those of other subjects.
 */
final class SubscriptionWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private final DeliveryLog deliveries;
    private final AttemptRecorder recorder;
    private final WebhookSender sender;
    private final WebhooksProperties properties;
    private final DeliveryMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TreeMap<Long, Delivery> queue = new TreeMap<>();
    private final Thread thread;
    private volatile Subscription subscription;
    private volatile boolean stopped;
    private boolean overflowed = true;
    private Instant nextRecovery = Instant.EPOCH;
    private Instant lastSend = Instant.EPOCH;

    SubscriptionWorker(Subscription subscription, DeliveryLog deliveries, AttemptRecorder recorder, WebhookSender sender,
                       WebhooksProperties properties, DeliveryMetrics metrics, boolean hasNoDeliveries) {
        this.subscription = subscription;
        this.deliveries = deliveries;
        this.recorder = recorder;
        this.sender = sender;
        this.properties = properties;
        this.metrics = metrics;
        if (hasNoDeliveries) { // nothing to read back from the database: a new subscription
            this.overflowed = false;
            this.nextRecovery = Instant.now().plus(properties.recoveryInterval());
        }
        this.thread = new Thread(this, "webhook-" + subscription.getId());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    /** The subscription as it is now (a rotated secret, a new rate). */
    void update(Subscription subscription) {
        this.subscription = subscription;
    }

    void enqueue(Delivery delivery) {
        lock.lock();
        try {
            if (queue.size() < properties.queueSize()) {
                queue.putIfAbsent(delivery.getSequence(), delivery);
            } else {
                overflowed = true;
            }
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                Delivery next = next();
                if (next != null) {
                    attempt(next);
                }
            } catch (InterruptedException e) {
                if (stopped) {
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("Webhook {}: delivery loop failed, trying again shortly: {}", subscription.getId(), e.toString());
                sleepQuietly(IDLE_WAIT);
            }
        }
    }

    /** The next delivery that is due and whose subject has nothing earlier pending; waits while there is none. */
    private Delivery next() throws InterruptedException {
        if (Instant.now().isAfter(nextRecovery) || overflowedAndEmpty()) {
            reload();
        }
        lock.lock();
        try {
            Instant now = Instant.now();
            Instant wakeAt = now.plus(IDLE_WAIT);
            Set<String> held = new HashSet<>();
            for (Delivery delivery : queue.values()) {
                String key = delivery.orderKey();
                if (held.contains(key)) {
                    continue;
                }
                if (!delivery.getNextAttemptAt().isAfter(now)) {
                    return delivery;
                }
                held.add(key);
                if (delivery.getNextAttemptAt().isBefore(wakeAt)) {
                    wakeAt = delivery.getNextAttemptAt();
                }
            }
            long waitNanos = Duration.between(now, wakeAt).toNanos();
            if (waitNanos > 0 && !(overflowed && queue.isEmpty())) {
                changed.awaitNanos(waitNanos);
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private boolean overflowedAndEmpty() {
        lock.lock();
        try {
            return overflowed && queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Adds what the database holds pending for this subscription and the queue lacks (after a restart, an overflow). */
    private void reload() {
        nextRecovery = Instant.now().plus(properties.recoveryInterval());
        if (!recorder.flush()) {
            return; // the database is away: what it holds pending may be out of date; try again later
        }
        List<Delivery> pending = deliveries.pending(subscription.getId(), 0, properties.queueSize());
        lock.lock();
        try {
            overflowed = pending.size() >= properties.queueSize();
            for (Delivery delivery : pending) {
                queue.putIfAbsent(delivery.getSequence(), delivery);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends, notes the outcome (written in bulk by the {@link AttemptRecorder}), and drops a finished delivery from the queue. */
    private void attempt(Delivery delivery) throws InterruptedException {
        Subscription target = subscription;
        waitForAllowedRate(target);
        WebhookSender.Outcome outcome = sender.send(target, delivery);
        Instant at = Instant.now();
        lastSend = at;
        boolean done;
        if (outcome.succeeded()) {
            delivery.succeeded(outcome.status(), at);
            done = true;
        } else {
            done = delivery.failed(outcome.status(), outcome.error(), at, properties.parkAfter(), pause(delivery.getAttempts() + 1, outcome.retryAfter()));
        }
        recorder.record(delivery);
        if (done) {
            lock.lock();
            try {
                queue.remove(delivery.getSequence());
            } finally {
                lock.unlock();
            }
        }
        metrics.attempted(delivery, outcome.succeeded());
        if (delivery.getState() == DeliveryState.PARKED) {
            log.warn("Webhook {}: parked delivery of {} ({} {}) after {} attempts since {}; last error: {}", target.getId(),
                    delivery.getEventId(), delivery.getType(), delivery.getSubject(), delivery.getAttempts(), delivery.getFirstAttemptAt(),
                    delivery.getLastError());
        } else if (!outcome.succeeded()) {
            log.info("Webhook {}: attempt {} of {} failed ({}); next at {}", target.getId(), delivery.getAttempts(), delivery.getEventId(),
                    outcome.error(), delivery.getNextAttemptAt());
        }
    }

    /** Doubling from the first retry, with jitter (between half and all of it), up to the longest interval. */
    private Duration pause(int attempts, Duration askedFor) {
        long first = properties.firstRetry().toMillis();
        long max = properties.maxRetryInterval().toMillis();
        long full = attempts >= 40 ? max : Math.min(max, first * (1L << Math.min(attempts - 1, 39)));
        long jittered = full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
        if (askedFor != null) {
            jittered = Math.max(jittered, Math.min(askedFor.toMillis(), max));
        }
        return Duration.ofMillis(jittered);
    }

    private void waitForAllowedRate(Subscription target) throws InterruptedException {
        Integer rate = target.getAllowedRate();
        if (rate == null) {
            return;
        }
        Instant allowedAt = lastSend.plusMillis(60_000L / rate);
        long wait = Duration.between(Instant.now(), allowedAt).toMillis();
        if (wait > 0) {
            TimeUnit.MILLISECONDS.sleep(wait);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
