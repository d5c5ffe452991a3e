package org.civicgraph.stack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend (one file, kept across restarts) whose unique indexes compare keys by value
 * instead of by their Java serialisation. Stores written by the stock backend open unchanged.
 */
public final class ValueOrderedH2Backend extends H2Backend {

    public ValueOrderedH2Backend(String fileName) {
        this(fileName, Integer.getInteger("civicgraph.mongo.cacheMegabytes", 256));
    }

    public ValueOrderedH2Backend(String fileName, int cacheMegabytes) {
        super(new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return ValueOrderedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }
}
