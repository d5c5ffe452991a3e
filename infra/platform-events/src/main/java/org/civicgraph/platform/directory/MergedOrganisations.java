package org.civicgraph.platform.directory;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;

/**
 * The merges of the partner directory seen so far, {@value #COLLECTION}: {@code {_id: merged id, mergedInto: survivor}},
 * each leading straight to the organisation that survives them all. Kafka keeps one organisation's events in order,
 * not two organisations' events: when A was merged into B and then B into C, the second merge (keyed by B) may be
 * read before the first (keyed by A). With this table the first then leads to C, not to B.
 */
class MergedOrganisations {

    static final String COLLECTION = "partner_merges";
    private static final int MOST_HOPS = 20;

    private final MongoTemplate mongo;

    MergedOrganisations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the merge and returns the organisation the merged one now leads to: the survivor, or its own survivor. */
    String record(String mergedId, String survivorId) {
        String survivor = survivorOf(survivorId);
        if (survivor.equals(mergedId)) {
            survivor = survivorId; // a merge that would lead back to itself: trust the newer event
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(mergedId)),
                new Update().set("mergedInto", survivor).set("recordedAt", Instant.now()), COLLECTION);
        mongo.updateMulti(Query.query(Criteria.where("mergedInto").is(mergedId)), new Update().set("mergedInto", survivor), COLLECTION);
        return survivor;
    }

    /** The organisation the id leads to: itself unless it was merged into another. */
    String survivorOf(String organisationId) {
        String current = organisationId;
        for (int hop = 0; hop < MOST_HOPS; hop++) {
            Document merge = mongo.findById(current, Document.class, COLLECTION);
            if (merge == null || merge.getString("mergedInto") == null || merge.getString("mergedInto").equals(organisationId)) {
                return current;
            }
            current = merge.getString("mergedInto");
        }
        return current;
    }
}
