package org.civicgraph.indicators;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the reads the service sends to MongoDB while a request runs (find and aggregate, by collection),
 * leaving out the outbox relay's look for unpublished events, so tests can count database round trips.
 */
public class MongoQueries implements CommandListener {

    private final List<Read> reads = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    /** A read: the collection and its filter as JSON. */
    public record Read(String collection, String filter) {
    }

    public synchronized List<Read> during(Runnable request) {
        reads.clear();
        recording = true;
        try {
            request.run();
        } finally {
            recording = false;
        }
        return List.copyOf(reads);
    }

    /** The filters of the reads of one collection. */
    public static List<String> of(String collection, List<Read> reads) {
        return reads.stream().filter(read -> read.collection().equals(collection)).map(Read::filter).toList();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!recording) {
            return;
        }
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        if ("find".equals(name) || "aggregate".equals(name) || "count".equals(name)) {
            BsonDocument filter = command.containsKey("filter") ? command.getDocument("filter") : new BsonDocument();
            String collection = command.getString(name).getValue();
            if (!filter.containsKey("pendingEvents.0") && !"outbox_marks".equals(collection) && !Thread.currentThread().getName().startsWith("outbox-relay")) {
                reads.add(new Read(collection, filter.toJson()));
            }
        }
    }
}
