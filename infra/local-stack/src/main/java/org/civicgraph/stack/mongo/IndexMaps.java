package org.civicgraph.stack.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Opens the H2 maps that hold unique indexes. A new index map orders its keys with {@link IndexKeyOrder}; a map
 * written before that existed (by mongo-java-server's stock H2 backend) keeps H2's default order, since its pages
 * are sorted that way. Which maps are ordered by value is recorded in the store itself, before the map is created,
 * so a crash in between leaves at worst a record for a map that does not exist yet.
 */
final class IndexMaps {

    static final String ORDER_RECORD = "civicgraph.index-key-order";
    private static final String BY_VALUE = "by-value";

    private final MVStore store;
    private final MVMap<String, String> orders;

    IndexMaps(MVStore store) {
        this.store = store;
        this.orders = store.openMap(ORDER_RECORD);
    }

    MVMap<KeyValue, Object> open(String mapName) {
        boolean byValue = BY_VALUE.equals(orders.get(mapName));
        if (store.hasMap(mapName) && !byValue) {
            return store.openMap(mapName);
        }
        if (!byValue) {
            orders.put(mapName, BY_VALUE);
        }
        return store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
    }
}
