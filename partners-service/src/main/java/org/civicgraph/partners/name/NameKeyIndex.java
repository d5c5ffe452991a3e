package org.civicgraph.partners.name;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lookup collection from each search key to the organisations that carry it: {@value #COLLECTION}, one document
 * per key, {@code {_id: "p:linc", organisations: [ids], units: [ids]}} ({@code units} lists the organisations one of
 * whose units carries the key). A name search or resolution reads the few key documents it needs by {@code _id} and
 * then loads its candidates by {@code _id}: primary-key lookups, which every MongoDB server answers without a scan,
 * the embedded one (which ignores secondary indexes) included. On real MongoDB the multikey {@code searchKeys}
 * index would do as well; this keeps search fast on both.
 * <p>
 * It is maintained by the same service code that writes organisations, yet never trusted on its own: it only has to
 * hold <em>at least</em> the organisations that carry each key. Keys are added before the organisation that gains
 * them is written and are never removed, so that superset holds whatever fails between the two writes and however
 * concurrent writes interleave, without transactions. Readers check every candidate against its own stored keys
 * after loading it, so entries left by a rename or a merge cost a lookup, never a wrong answer. Until the
 * collection is known to be complete (a marker written once it has been built from the organisations), readers get
 * nothing here and use the plain indexed query instead. Records written around the service (restores, generated
 * test data) must add their keys too, or delete the marker so that the next start rebuilds the collection.
 */
@Component
public class NameKeyIndex {

    public static final String COLLECTION = "name_keys";
    static final String ORGANISATIONS = "organisations";
    static final String UNITS = "units";
    /** The marker of a complete index; no search key begins with '#'. */
    static final String COMPLETE = "#complete";

    private final MongoTemplate mongo;
    private volatile boolean complete;

    NameKeyIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records that the organisation carries these keys, on its own names or on its units' names. */
    public void add(String organisationId, Collection<String> ownKeys, Collection<String> unitKeys) {
        Map<String, Set<String>> own = new HashMap<>();
        Map<String, Set<String>> units = new HashMap<>();
        ownKeys.forEach(key -> own.put(key, Set.of(organisationId)));
        unitKeys.forEach(key -> units.put(key, Set.of(organisationId)));
        addAll(own, units);
    }

    /** Records many organisations' keys at once: for each key, the organisations carrying it on their names and on their units'. */
    public void addAll(Map<String, Set<String>> ownersByKey, Map<String, Set<String>> unitOwnersByKey) {
        Set<String> keys = new HashSet<>(ownersByKey.keySet());
        keys.addAll(unitOwnersByKey.keySet());
        if (keys.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (String key : keys) {
            Update update = new Update();
            Set<String> owners = ownersByKey.getOrDefault(key, Set.of());
            Set<String> unitOwners = unitOwnersByKey.getOrDefault(key, Set.of());
            if (!owners.isEmpty()) {
                update.addToSet(ORGANISATIONS).each(owners.toArray());
            }
            if (!unitOwners.isEmpty()) {
                update.addToSet(UNITS).each(unitOwners.toArray());
            }
            bulk.upsert(byId(key), update);
        }
        bulk.execute();
    }

    /**
     * The organisations that may carry each of these keys, in one read; empty while the index may be incomplete,
     * in which case the caller must use the indexed query on the organisations.
     */
    public Optional<Hits> read(Collection<String> keys) {
        if (!isComplete()) {
            return Optional.empty();
        }
        Map<String, Set<String>> owners = new HashMap<>();
        Map<String, Set<String>> unitOwners = new HashMap<>();
        if (!keys.isEmpty()) {
            for (Document entry : mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, COLLECTION)) {
                String key = entry.getString("_id");
                owners.put(key, Set.copyOf(entry.getList(ORGANISATIONS, String.class, List.of())));
                unitOwners.put(key, Set.copyOf(entry.getList(UNITS, String.class, List.of())));
            }
        }
        return Optional.of(new Hits(owners, unitOwners));
    }

    /** Whether every organisation's keys are known to be recorded. */
    public boolean isComplete() {
        if (!complete) {
            // a find by _id rather than exists(), which may count through an aggregation that the embedded server runs as a scan
            complete = mongo.findById(COMPLETE, Document.class, COLLECTION) != null;
        }
        return complete;
    }

    /** Marks the index complete; call only once every organisation stored so far has had its keys added. */
    public void markComplete() {
        mongo.upsert(byId(COMPLETE), new Update().set("complete", true), COLLECTION);
        complete = true;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** What one read found: per key, the organisations carrying it on their names and on their units' names. */
    public record Hits(Map<String, Set<String>> owners, Map<String, Set<String>> unitOwners) {

        /** Organisations that may match the query on their own names (a superset: check each one loaded). */
        public Set<String> organisations(KeyQuery query) {
            return query.candidates(key -> owners.getOrDefault(key, Set.of()));
        }

        /** Organisations that may match the query on their units' names (a superset: check each one loaded). */
        public Set<String> unitOwners(KeyQuery query) {
            return query.candidates(key -> unitOwners.getOrDefault(key, Set.of()));
        }
    }
}
