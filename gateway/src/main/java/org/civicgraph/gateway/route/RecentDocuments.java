package org.civicgraph.gateway.route;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was worked out for the most recently used request documents. Clients send the same few documents over and
 * over (the portal's pages, a council system's queries) with different variables, so parsing each once is enough;
 * the bound keeps a client that sends ever new documents from growing it.
 */
final class RecentDocuments<V> {

    private final Map<String, V> entries;

    RecentDocuments(int most) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > most;
            }
        };
    }

    /** The value for the key, worked out (outside the lock, so a slow one holds up no other request) when missing. */
    V get(String key, Function<String, V> workOut) {
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
