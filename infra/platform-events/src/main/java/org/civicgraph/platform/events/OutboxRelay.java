package org.civicgraph.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events that aggregates recorded, in the order they were recorded, then removes them from their
 * document. While Kafka is unreachable the events stay in the documents and are published when it returns.
 * A crash between publishing and removing publishes an event again with the same {@code ce_id}, which
 * consumers drop ({@link IdempotentConsumer}): delivery is at least once.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String PENDING = "pendingEvents";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventsProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter published;
    private final Counter failures;
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, EventsProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("civicgraph.outbox.published").description("Events published from the outbox").register(meters);
        this.failures = Counter.builder("civicgraph.outbox.publish.failures").description("Failed attempts to publish an event").register(meters);
    }

    /** Asks the relay to look for new events now rather than at its next interval. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Publishes everything pending once; returns how many events were published. */
    public int publishPending() {
        int count = 0;
        for (MongoPersistentEntity<?> entity : aggregateEntities()) {
            count += publishPending(entity.getCollection());
        }
        return count;
    }

    /** How many events wait to be published, across all aggregate collections. */
    public long pendingCount() {
        long count = 0;
        for (MongoPersistentEntity<?> entity : aggregateEntities()) {
            for (Document document : mongo.find(hasPendingEvents(), Document.class, entity.getCollection())) {
                count += document.getList(PENDING, Document.class).size();
            }
        }
        return count;
    }

    private int publishPending(String collection) {
        int count = 0;
        Query query = hasPendingEvents().limit(properties.batchSize());
        query.fields().include(PENDING);
        for (Document document : mongo.find(query, Document.class, collection)) {
            String aggregateId = String.valueOf(document.get("_id"));
            for (Document pending : document.getList(PENDING, Document.class)) {
                if (!publish(collection, aggregateId, toPendingEvent(pending))) {
                    break; // keep this aggregate's order: the rest waits for the failed one
                }
                count++;
            }
        }
        return count;
    }

    private boolean publish(String collection, String aggregateId, PendingEvent event) {
        String key = event.key() == null ? aggregateId : event.key();
        CloudEvent cloudEvent = new CloudEvent(event.eventId(), event.type(), properties.source(), event.subject(), event.time(),
                key, event.data());
        try {
            kafka.send(cloudEvent.toRecord(properties.topic())).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failures.increment();
            log.warn("Could not publish event {} ({}) for {}/{}; it stays in the outbox: {}", event.eventId(), event.type(),
                    collection, aggregateId, e.getMessage());
            return false;
        }
        // Bumping the version makes a concurrent save of a stale copy fail instead of restoring the published event.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregateId)),
                new Update().pull(PENDING, new Document("eventId", event.eventId())).inc("version", 1), collection);
        published.increment();
        return true;
    }

    private static PendingEvent toPendingEvent(Document pending) {
        return new PendingEvent(pending.getString("eventId"), pending.getString("type"), pending.getString("subject"),
                pending.getDate("time").toInstant(), pending.getString("data"), pending.getString("key"));
    }

    private static Query hasPendingEvents() {
        return Query.query(Criteria.where(PENDING + ".0").exists(true));
    }

    private List<MongoPersistentEntity<?>> aggregateEntities() {
        return mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()))
                .<MongoPersistentEntity<?>>map(entity -> entity)
                .toList();
    }

    private void runLoop() {
        while (running) {
            try {
                publishPending();
                wakeUps.tryAcquire(properties.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed; retrying: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.relayInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::runLoop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
