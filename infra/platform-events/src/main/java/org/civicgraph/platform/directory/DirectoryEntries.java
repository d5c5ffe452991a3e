package org.civicgraph.platform.directory;

import org.bson.Document;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * This service's copy of what the partner directory says about each organisation, {@value #COLLECTION}:
 * {@code {_id: organisation id, name, status, mergedInto}}, read from the directory's organisation events.
 * <p>
 * Each field keeps the time of the event that set it ({@code nameAt}, ...) and takes a value only from an event at least
 * as recent: a redelivered or late event (an old registration read after a rename, say) cannot bring an old name back,
 * and applying the same event twice changes nothing. Times are in microseconds, finer than MongoDB's dates, since a
 * rename and the edit after it may fall in the same millisecond.
 */
class DirectoryEntries {

    static final String COLLECTION = "partner_directory_names";
    static final String REGISTERED = "org.civicgraph.partners.organisation.registered.v1";
    static final String UPDATED = "org.civicgraph.partners.organisation.updated.v1";
    static final String RENAMED = "org.civicgraph.partners.organisation.renamed.v1";
    static final String CLOSED = "org.civicgraph.partners.organisation.closed.v1";
    static final String MERGED = "org.civicgraph.partners.organisation.merged.v1";
    /** The directory's events that may say something about an organisation's name, status or merge. */
    static final Set<String> KEPT = Set.of(REGISTERED, UPDATED, RENAMED, CLOSED, MERGED);
    static final String[] FIELDS = {"name", "status", "mergedInto"};

    private final MongoTemplate mongo;

    DirectoryEntries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Applies what the event says about the organisation's name, status and merge, field by field, unless newer news is kept. */
    void record(CloudEvent event, Map<?, ?> data) {
        Object id = data == null ? null : data.get("id");
        if (!(id instanceof String organisationId) || organisationId.isBlank()) {
            throw new IllegalArgumentException("Event " + event.id() + " (" + event.type() + ") has no id");
        }
        long at = microsOf(event.time() == null ? Instant.now() : event.time());
        Map<?, ?> changes = data.get("changes") instanceof Map<?, ?> map ? map : Map.of();
        for (String field : FIELDS) {
            if (data.containsKey(field)) {
                setIfNotNewer(organisationId, field, data.get(field), at);
            } else if (changes.get(field) instanceof Map<?, ?> change) {
                setIfNotNewer(organisationId, field, change.get("new"), at);
            }
        }
        if (MERGED.equals(event.type()) && data.get("mergedInto") instanceof String survivor && data.get("survivorName") != null) {
            setIfNotNewer(survivor, "name", data.get("survivorName"), at); // the survivor's name when it took the other in
        }
    }

    /** The entries of the ids the directory has told of, in one query. */
    Map<String, Document> find(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include(FIELDS);
        mongo.find(query, Document.class, COLLECTION).forEach(entry -> found.put(entry.getString("_id"), entry));
        return found;
    }

    private void setIfNotNewer(String organisationId, String field, Object value, long at) {
        String stamp = field + "At";
        Query notNewer = Query.query(Criteria.where("_id").is(organisationId)
                .orOperator(Criteria.where(stamp).exists(false), Criteria.where(stamp).lte(at)));
        try {
            mongo.upsert(notNewer, new Update().set(field, value == null ? null : value.toString()).set(stamp, at), COLLECTION);
        } catch (DuplicateKeyException newerKept) {
            // the entry exists with a newer value for this field: the upsert's insert collided with it, and it stays
        }
    }

    static long microsOf(Instant time) {
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }
}
