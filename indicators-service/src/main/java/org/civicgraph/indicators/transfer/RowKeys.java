package org.civicgraph.indicators.transfer;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers which indicator, area and period each row gave, to find a value given twice, in a few bytes a row: each
 * indicator, area and period is numbered once and a row becomes one long in an open-addressing table, so a file of
 * millions of rows is checked without holding millions of strings.
 */
final class RowKeys {

    private static final int BITS = 21;
    private static final long MAX = (1L << BITS) - 1;

    private final Map<String, Long> indicators = new HashMap<>();
    private final Map<String, Long> areas = new HashMap<>();
    private final Map<String, Long> periods = new HashMap<>();
    private long[] keys = new long[1 << 16];
    private long[] rows = new long[1 << 16];
    private int size;

    /** Adds the row's key; returns the row that gave the same key before, or 0. */
    long addOrFirst(String indicatorId, String areaCode, String periodKey, long row) {
        long key = (number(indicators, indicatorId) << (2 * BITS)) | (number(areas, areaCode) << BITS) | number(periods, periodKey);
        if (size * 4L >= keys.length * 3L) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (rows[slot] != 0) {
            if (keys[slot] == key) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        rows[slot] = row;
        size++;
        return 0;
    }

    private static long number(Map<String, Long> numbers, String name) {
        long number = numbers.computeIfAbsent(name, n -> (long) numbers.size());
        if (number > MAX) {
            throw new IllegalStateException("More than " + MAX + " distinct indicators, areas or periods in one import");
        }
        return number;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new long[oldRows.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldRows[i] != 0) {
                int slot = hash(oldKeys[i]) & mask;
                while (rows[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
