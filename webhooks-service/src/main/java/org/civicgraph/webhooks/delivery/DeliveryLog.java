package org.civicgraph.webhooks.delivery;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.civicgraph.webhooks.WebhooksProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The deliveries in MongoDB: the durable record the in-memory queues are filled from, and what partners list. Delivered
 * ones are removed after {@code delivered-kept} (30 days).
 */
@Component
class DeliveryLog {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final AtomicLong lastSequence = new AtomicLong();

    DeliveryLog(MongoTemplate mongo, WebhooksProperties properties) {
        this.mongo = mongo;
        try {
            mongo.indexOps(Delivery.class).createIndex(new Index().on("deliveredAt", Sort.Direction.ASC)
                    .expire(properties.deliveredKept()).named("forget_delivered"));
        } catch (RuntimeException e) {
            log.warn("Could not create the TTL index of deliveries; delivered ones are kept until removed by hand: {}", e.getMessage());
        }
    }

    /** A number larger than any given before by this process or, being based on the clock, by an earlier one. */
    long nextSequence() {
        long now = System.currentTimeMillis() * 1000;
        return lastSequence.updateAndGet(last -> Math.max(last + 1, now));
    }

    /** Inserts the deliveries in one round trip; returns those that are new (an event read again is skipped). */
    List<Delivery> insertNew(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class);
        bulk.insert(deliveries);
        try {
            bulk.execute();
            return deliveries;
        } catch (RuntimeException e) {
            Set<Integer> duplicates = duplicateIndexes(e);
            if (duplicates == null) {
                throw e;
            }
            List<Delivery> inserted = new ArrayList<>();
            for (int i = 0; i < deliveries.size(); i++) {
                if (!duplicates.contains(i)) {
                    inserted.add(deliveries.get(i));
                }
            }
            return inserted;
        }
    }

    private static Set<Integer> duplicateIndexes(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoBulkWriteException bulk) {
                Set<Integer> indexes = new HashSet<>();
                for (BulkWriteError error : bulk.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        return null;
                    }
                    indexes.add(error.getIndex());
                }
                return indexes;
            }
        }
        return null;
    }

    /** The subscription's pending deliveries after the given sequence, in order. */
    List<Delivery> pending(String subscriptionId, long afterSequence, int limit) {
        return mongo.find(Query.query(Criteria.where("subscriptionId").is(subscriptionId).and("state").is(DeliveryState.PENDING)
                .and("sequence").gt(afterSequence)).with(Sort.by("sequence")).limit(limit), Delivery.class);
    }

    Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    List<Delivery> parked(String subscriptionId) {
        return mongo.find(Query.query(Criteria.where("subscriptionId").is(subscriptionId).and("state").is(DeliveryState.PARKED))
                .with(Sort.by("sequence")), Delivery.class);
    }

    /** Moves a parked or delivered delivery back to pending, unless another request did so first. */
    boolean requeue(Delivery delivery, long newSequence) {
        DeliveryState was = delivery.getState();
        delivery.again(newSequence);
        Update update = new Update().set("state", DeliveryState.PENDING).set("sequence", newSequence).set("attempts", 0)
                .unset("firstAttemptAt").unset("parkedAt").set("nextAttemptAt", delivery.getNextAttemptAt());
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.getId()).and("state").is(was)), update, Delivery.class)
                .getModifiedCount() == 1;
    }

    Window<Delivery> page(String subscriptionId, DeliveryState state, ScrollPosition position, int size) {
        Criteria criteria = Criteria.where("subscriptionId").is(subscriptionId);
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        return mongo.scroll(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "sequence")).limit(size).with(position), Delivery.class);
    }
}
