package org.civicgraph.indicators.series;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.civicgraph.platform.events.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes many series at once: one query for a batch of ids, one bulk write for a batch of changed series.
 * Writes keep the optimistic locking of a single save: a changed series is replaced only if its version is still the
 * one read. The replacement is an upsert, so a series changed meanwhile (by a user, or by the outbox relay removing
 * published events) fails with a duplicate key error naming that write, and the caller applies its change again to
 * a fresh copy; the other writes of the batch stand.
 */
@Component
class SeriesStore {

    /** Ids per query: keeps each command and each answer a modest size. */
    private static final int IDS_PER_QUERY = 2_000;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    SeriesStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** The series with the given ids that exist, by id. */
    Map<String, Series> load(Collection<String> ids) {
        Map<String, Series> found = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            for (Series one : mongo.find(Query.query(Criteria.where("_id").in(chunk)).cursorBatchSize(chunk.size()), Series.class)) {
                found.put(one.getId(), one);
            }
        }
        return found;
    }

    /**
     * Writes the series in one unordered bulk write: new ones inserted at version 0, the others replaced if still at
     * the version read. Returns the ids that were not written because someone else wrote them first.
     */
    Set<String> writeAll(Collection<Series> changed) {
        if (changed.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        List<String> ids = new ArrayList<>(changed.size());
        List<String> withEvents = new ArrayList<>();
        for (Series one : changed) {
            Document document = new Document();
            mongo.getConverter().write(one, document);
            Long version = one.getVersion();
            if (version == null) {
                document.put("version", 0L);
                writes.add(new InsertOneModel<>(document));
            } else {
                document.put("version", version + 1);
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", one.getId()), Filters.eq("version", version)), document,
                        new ReplaceOptions().upsert(true)));
            }
            ids.add(one.getId());
            if (!one.getPendingEvents().isEmpty()) {
                withEvents.add(one.getId());
            }
        }
        relay.willWriteEvents(mongo.getCollectionName(Series.class), withEvents);
        Set<String> conflicts = new HashSet<>();
        try {
            mongo.getCollection(mongo.getCollectionName(Series.class)).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                conflicts.add(ids.get(error.getIndex()));
            }
        }
        if (!withEvents.isEmpty()) {
            relay.wroteEvents(mongo.getCollectionName(Series.class), withEvents.stream().filter(id -> !conflicts.contains(id)).toList());
        }
        return conflicts;
    }
}
