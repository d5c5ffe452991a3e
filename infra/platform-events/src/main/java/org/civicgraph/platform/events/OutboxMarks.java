package org.civicgraph.platform.events;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Which documents may hold unpublished events: one small mark per document, written just before a save that records
 * events. The relay reads the marks and then each marked document by its id, so finding pending events costs the
 * same whatever the size of the collections (the embedded server answers any other query with a full scan).
 * A mark is written before the save, so that no saved event goes unmarked even if the process stops, and again after
 * it: a pass may read the first mark and the document before the save lands and then clear that mark, and the second
 * brings the document back. A mark whose save failed finds no events and is cleared. Each mark carries a token,
 * renewed on every write, so that the relay clears only the mark it read, never one written since.
 */
class OutboxMarks {

    static final String COLLECTION = "outbox_marks";

    private final MongoTemplate mongo;

    OutboxMarks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A document that may hold unpublished events; {@code documentId} is the _id as stored. */
    record Mark(String id, String collection, Object documentId, String token) {
    }

    void markAll(String collection, Collection<?> documentIds) {
        if (documentIds.size() == 1) {
            Object documentId = documentIds.iterator().next();
            mongo.upsert(byId(markId(collection, documentId)), renewal(collection, documentId), COLLECTION);
        } else if (!documentIds.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            documentIds.forEach(documentId -> bulk.upsert(byId(markId(collection, documentId)), renewal(collection, documentId)));
            bulk.execute();
        }
    }

    private static Update renewal(String collection, Object documentId) {
        return new Update().set("collection", collection).set("documentId", documentId).set("token", UUID.randomUUID().toString());
    }

    private static Query byId(String markId) {
        return Query.query(Criteria.where("_id").is(markId));
    }

    List<Mark> next(int limit) {
        return mongo.find(new Query().limit(limit), Document.class, COLLECTION).stream()
                .map(document -> new Mark(document.getString("_id"), document.getString("collection"), document.get("documentId"),
                        document.getString("token")))
                .toList();
    }

    /** Clears the mark unless a save has renewed it since it was read. */
    void clear(Mark mark) {
        mongo.remove(Query.query(Criteria.where("_id").is(mark.id()).and("token").is(mark.token())), COLLECTION);
    }

    long count() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }

    private static String markId(String collection, Object documentId) {
        return collection + "/" + documentId; // collection names never contain a slash
    }
}
