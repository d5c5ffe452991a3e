package org.civicgraph.platform.scheduling;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A lease in MongoDB, so that of several instances of the service only one runs a scheduled job at a time.
 * <p>
 * The collection {@value #COLLECTION} holds one small document per job:
 * {@code {_id: "contracts-due-events", holder: "<instance>", lockedAt: <date>, lockedUntil: <date>}}, in the database of
 * the service that uses it.
 * Taking the lease is one atomic {@code findAndModify} with upsert on {@code {_id: name, lockedUntil: {$lte: now}}}:
 * it matches only a lease that has run out (or takes a job's first lease by inserting it); while another instance
 * holds it, the upsert tries to insert a second document with the same {@code _id} and the unique {@code _id} index
 * refuses it, which means "not yours". Giving it back sets {@code lockedUntil} to now, for the holder only.
 * A holder that dies keeps the lease until {@code lockedUntil}, then anyone may take it; so a lease must outlast the
 * job, and the job must still be safe if two ever overlap (a job that outlives its lease), which the lease only
 * makes rare. Works on any MongoDB server, needing neither transactions nor a replica set.
 * <p>
 * Used by the services' time-driven events (contracts' due occasions, plans' overdue milestones and closed periods),
 * each under a lease name of its own.
 */
public class MongoLease {

    public static final String COLLECTION = "leases";

    private final MongoTemplate mongo;
    private final Clock clock;

    public MongoLease(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Takes the named lease for the given time unless someone else holds it; returns whether it was taken. */
    public boolean tryAcquire(String name, String holder, Duration duration) {
        Instant now = clock.instant();
        Query free = Query.query(Criteria.where("_id").is(name).and("lockedUntil").lte(Date.from(now)));
        Update take = new Update().set("holder", holder).set("lockedAt", Date.from(now)).set("lockedUntil", Date.from(now.plus(duration)));
        try {
            Document taken = mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class, COLLECTION);
            return taken != null && holder.equals(taken.getString("holder"));
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /**
     * Runs the work if the lease can be taken, giving it back afterwards; empty when another holder has it (so the
     * work is being done elsewhere).
     */
    public <T> Optional<T> whileHolding(String name, String holder, Duration duration, Supplier<T> work) {
        if (!tryAcquire(name, holder, duration)) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            release(name, holder);
        }
    }

    /** Gives the lease back early, if the holder still holds it. */
    public void release(String name, String holder) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(name).and("holder").is(holder)),
                new Update().set("lockedUntil", Date.from(clock.instant())), COLLECTION);
    }
}
