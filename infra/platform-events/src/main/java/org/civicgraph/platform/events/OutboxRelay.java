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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events that aggregates recorded, in the order they were recorded, then removes them from their
 * document. While Kafka is unreachable the events stay in the documents and are published when it returns.
 * A crash between publishing and removing publishes an event again with the same {@code ce_id}, which
 * consumers drop ({@link IdempotentConsumer}): delivery is at least once. It finds the documents to publish through
 * their marks ({@link OutboxMarks}), by id, so a pass costs the same however large the collections grow.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String PENDING = "pendingEvents";
    private static final int MAX_ROUNDS_PER_PASS = 100;

    private final MongoTemplate mongo;
    private final OutboxMarks marks;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventsProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter published;
    private final Counter failures;
    private volatile Thread worker;
    private volatile boolean running;
    private Instant nextFullScan = Instant.MIN;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, EventsProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.marks = new OutboxMarks(mongo);
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("civicgraph.outbox.published").description("Events published from the outbox").register(meters);
        this.failures = Counter.builder("civicgraph.outbox.publish.failures").description("Failed attempts to publish an event").register(meters);
    }

    /** Asks the relay to look for new events now rather than at its next interval. */
    public void wakeUp() {
        wakeUps.release();
    }

    /**
     * Marks documents that are about to be written with new events by a path that bypasses {@code MongoTemplate}'s
     * save (a raw bulk write, say); saves through the template are marked by themselves. Call it before the write.
     */
    public void willWriteEvents(String collection, Collection<?> documentIds) {
        marks.markAll(collection, documentIds);
    }

    /**
     * Marks documents again once they were written with new events, and wakes the relay. The mark written before
     * the write may have been read, and cleared, by a pass that loaded the document before the write landed; marking
     * again after it makes the next pass see the new events.
     */
    public void wroteEvents(String collection, Collection<?> documentIds) {
        marks.markAll(collection, documentIds);
        wakeUp();
    }

    /**
     * Publishes what the marked documents hold, a batch at a time, and every few minutes also what any unmarked
     * document holds (written before marks existed, or by hand); returns how many events were published.
     */
    public synchronized int publishPending() {
        int count = 0;
        if (Instant.now().isAfter(nextFullScan)) {
            nextFullScan = Instant.now().plus(properties.fullScanInterval());
            count += publishFromEveryCollection();
        }
        for (int round = 0; round < MAX_ROUNDS_PER_PASS; round++) {
            List<OutboxMarks.Mark> batch = marks.next(properties.batchSize());
            int cleared = 0;
            for (OutboxMarks.Mark mark : batch) {
                Published result = publishDocument(mark.collection(), mark.documentId());
                count += result.events();
                if (result.complete()) {
                    marks.clear(mark);
                    cleared++;
                }
            }
            if (batch.size() < properties.batchSize() || cleared == 0) {
                break;
            }
        }
        return count;
    }

    /** How many events wait to be published: those of the marked documents, read one query per collection. */
    public long pendingCount() {
        Map<String, List<Object>> marked = new HashMap<>();
        for (OutboxMarks.Mark mark : marks.next(Integer.MAX_VALUE)) {
            marked.computeIfAbsent(mark.collection(), collection -> new ArrayList<>()).add(mark.documentId());
        }
        long count = 0;
        for (Map.Entry<String, List<Object>> collection : marked.entrySet()) {
            Query query = Query.query(Criteria.where("_id").in(collection.getValue()));
            query.fields().include(PENDING);
            for (Document document : mongo.find(query, Document.class, collection.getKey())) {
                count += document.getList(PENDING, Document.class, List.of()).size();
            }
        }
        return count;
    }

    private int publishFromEveryCollection() {
        int count = 0;
        for (MongoPersistentEntity<?> entity : aggregateEntities()) {
            Query query = Query.query(Criteria.where(PENDING + ".0").exists(true));
            query.fields().include("_id");
            for (Document document : mongo.find(query, Document.class, entity.getCollection())) {
                count += publishDocument(entity.getCollection(), document.get("_id")).events();
            }
        }
        return count;
    }

    /** Publishes the document's events in order, stopping at the first failure so that the rest keep their order. */
    private Published publishDocument(String collection, Object documentId) {
        Query query = byId(documentId);
        query.fields().include(PENDING);
        Document document = mongo.findOne(query, Document.class, collection);
        if (document == null) {
            return new Published(0, true);
        }
        int count = 0;
        for (Document pending : document.getList(PENDING, Document.class, List.of())) {
            if (!publish(collection, documentId, toPendingEvent(pending))) {
                return new Published(count, false);
            }
            count++;
        }
        return new Published(count, true);
    }

    private record Published(int events, boolean complete) {
    }

    private boolean publish(String collection, Object documentId, PendingEvent event) {
        String key = event.key() == null ? String.valueOf(documentId) : event.key();
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
                    collection, documentId, e.getMessage());
            return false;
        }
        // Bumping the version makes a concurrent save of a stale copy fail instead of restoring the published event.
        mongo.updateFirst(byId(documentId),
                new Update().pull(PENDING, new Document("eventId", event.eventId())).inc("version", 1), collection);
        published.increment();
        return true;
    }

    private static PendingEvent toPendingEvent(Document pending) {
        return new PendingEvent(pending.getString("eventId"), pending.getString("type"), pending.getString("subject"),
                pending.getDate("time").toInstant(), pending.getString("data"), pending.getString("key"));
    }

    private static Query byId(Object documentId) {
        return Query.query(Criteria.where("_id").is(documentId));
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
