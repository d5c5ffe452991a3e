package org.civicgraph.stack.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Orders unique-index keys by their values. H2's default key type orders any object that is not {@link Comparable}
 * (as mongo-java-server's {@link KeyValue} is not) by Java-serialising both sides on every comparison, which was
 * two thirds of the embedded store's insert time. Keys are written and read exactly as before; only the order
 * differs, so a map must be created with this type and always opened with it ({@link IndexMaps} sees to that).
 *
 * <p>The order is total: values of different kinds are ordered by kind first; strings, numbers of one Java type
 * and booleans by value; anything else by H2's own order, so two keys compare equal exactly when H2's default
 * type would find them equal.
 */
final class IndexKeyOrder extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return compareKeys(left, right);
        }
        return super.compare(a, b);
    }

    private int compareKeys(KeyValue left, KeyValue right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private int compareValues(Object a, Object b) {
        int kinds = Integer.compare(kind(a), kind(b));
        if (kinds != 0) {
            return kinds;
        }
        if (a instanceof String x) {
            return x.compareTo((String) b);
        }
        if (a instanceof Long x) {
            return x.compareTo((Long) b);
        }
        if (a instanceof Integer x) {
            return x.compareTo((Integer) b);
        }
        if (a instanceof Double x) {
            return x.compareTo((Double) b);
        }
        if (a instanceof Boolean x) {
            return x.compareTo((Boolean) b);
        }
        return super.compare(a, b);
    }

    private static int kind(Object value) {
        if (value instanceof String) {
            return 1;
        }
        if (value instanceof Long) {
            return 2;
        }
        if (value instanceof Integer) {
            return 3;
        }
        if (value instanceof Double) {
            return 4;
        }
        if (value instanceof Boolean) {
            return 5;
        }
        return 0;
    }
}
