package org.civicgraph.platform.events;

import org.civicgraph.platform.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Runs a handler once per CloudEvent id and consumer name, however often Kafka delivers the event. The handler
 * runs before the event is marked processed, so a crash in between runs it again: handlers must tolerate that
 * (upserts keyed by the event's subject do). A failing handler marks nothing, so the record is retried.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;

    public IdempotentConsumer(MongoTemplate mongo) {
        this(mongo, Duration.ofDays(30));
    }

    /**
     * @param remembered how long an event id is remembered: longer than the topics keep events, since Kafka cannot
     *                   deliver an event again after that; MongoDB removes older ids (a TTL index)
     */
    public IdempotentConsumer(MongoTemplate mongo, Duration remembered) {
        this.mongo = mongo;
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("processedAt", Sort.Direction.ASC).expire(remembered).named("forget_after"));
        } catch (RuntimeException e) {
            log.warn("Could not create the TTL index of {}; processed event ids are kept until removed by hand: {}", COLLECTION, e.getMessage());
        }
    }

    /** Returns true when the handler ran, false when the event had been processed before. */
    public boolean handleOnce(String consumerName, CloudEvent event, Consumer<CloudEvent> handler) {
        String key = consumerName + ":" + event.id();
        if (mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(key)), COLLECTION)) {
            return false;
        }
        handler.accept(event);
        try {
            mongo.insert(new ProcessedEvent(key, event.type(), Instant.now()), COLLECTION);
        } catch (DuplicateKeyException concurrentDuplicate) {
            // another instance processed the same event at the same moment; both handlers ran, which they tolerate
        }
        return true;
    }

    @Document
    record ProcessedEvent(@Id String id, String type, Instant processedAt) {
    }
}
