package org.civicgraph.platform.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was worked out for the most recently used keys. Clients send the same few requests over and over (the
 * portal's pages, a council system's queries, the gateway's service calls) with different variables, so working each
 * out once is enough; the bound keeps a client that sends ever new ones from growing it.
 */
public final class RecentlyUsed<K, V> {

    private final Map<K, V> entries;

    public RecentlyUsed(int most) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > most;
            }
        };
    }

    /** The value for the key, worked out (outside the lock, so a slow one holds up no other request) when missing. */
    public V get(K key, Function<K, V> workOut) {
        synchronized (entries) {
            V known = entries.get(key);
            if (known != null) {
                return known;
            }
        }
        V value = workOut.apply(key);
        synchronized (entries) {
            entries.put(key, value);
        }
        return value;
    }
}
