package org.civicgraph.webhooks.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the outcome of delivery attempts to MongoDB in bulk, every few milliseconds, for all subscriptions at once,
 * instead of one write per attempt. A crash loses at most the last moments' outcomes: those deliveries are still
 * pending in the database and go out again, with the same {@code ce-id}, which at-least-once delivery allows and
 * receivers drop; their order within a subject is kept.
 */
@Component
class AttemptRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);
    private static final long INTERVAL_MILLIS = 25;

    private final MongoTemplate mongo;
    private final Object lock = new Object();
    private Map<String, Update> waiting = new LinkedHashMap<>();
    private volatile Thread writer;
    private volatile boolean running;

    AttemptRecorder(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Notes the delivery's state as it is now; a later note of the same delivery replaces an unwritten earlier one. */
    void record(Delivery delivery) {
        Update update = new Update()
                .set("state", delivery.getState())
                .set("attempts", delivery.getAttempts())
                .set("firstAttemptAt", delivery.getFirstAttemptAt())
                .set("nextAttemptAt", delivery.getNextAttemptAt())
                .set("lastStatus", delivery.getLastStatus())
                .set("lastError", delivery.getLastError())
                .set("deliveredAt", delivery.getDeliveredAt())
                .set("parkedAt", delivery.getParkedAt());
        synchronized (lock) {
            waiting.remove(delivery.getId());
            waiting.put(delivery.getId(), update);
        }
    }

    /** Writes everything noted so far; true when the database took it. */
    boolean flush() {
        Map<String, Update> batch;
        synchronized (lock) {
            if (waiting.isEmpty()) {
                return true;
            }
            batch = waiting;
            waiting = new LinkedHashMap<>();
        }
        try {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class);
            batch.forEach((id, update) -> bulk.updateOne(Query.query(Criteria.where("_id").is(id)), update));
            bulk.execute();
            return true;
        } catch (RuntimeException e) {
            synchronized (lock) {
                batch.putAll(waiting); // newer notes win
                waiting = batch;
            }
            log.warn("Could not record {} delivery attempts, retrying: {}", batch.size(), e.toString());
            return false;
        }
    }

    int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(flush() ? INTERVAL_MILLIS : 1_000);
                } catch (InterruptedException e) {
                    // stopping: the last flush follows
                }
            }
            flush();
        }, "webhook-attempts");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = writer;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the dispatcher's workers (a higher phase stops later), so their last outcomes are written. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2 - 1;
    }
}
