package org.civicgraph.stack.mongo;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

import java.util.List;

/** mongo-java-server's H2 database with unique indexes whose keys are ordered by value ({@link IndexMaps}). */
final class ValueOrderedH2Database extends H2Database {

    // H2Database opens the existing indexes inside its constructor, before this class's fields are assigned.
    private static final ThreadLocal<IndexMaps> BEING_OPENED = new ThreadLocal<>();

    private final IndexMaps indexMaps;

    static ValueOrderedH2Database open(String name, MVStore store, CursorRegistry cursors) {
        IndexMaps indexMaps = new IndexMaps(store);
        BEING_OPENED.set(indexMaps);
        try {
            return new ValueOrderedH2Database(name, store, cursors, indexMaps);
        } finally {
            BEING_OPENED.remove();
        }
    }

    private ValueOrderedH2Database(String name, MVStore store, CursorRegistry cursors, IndexMaps indexMaps) {
        super(name, store, cursors);
        this.indexMaps = indexMaps;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        IndexMaps maps = indexMaps != null ? indexMaps : BEING_OPENED.get();
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        return new StoredUniqueIndex(maps.open(mapName), indexName, keys, sparse);
    }
}
