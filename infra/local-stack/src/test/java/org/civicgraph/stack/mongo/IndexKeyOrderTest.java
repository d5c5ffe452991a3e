package org.civicgraph.stack.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IndexKeyOrderTest {

    private final IndexKeyOrder order = new IndexKeyOrder();
    private final ObjectDataType stock = new ObjectDataType();

    @Test
    void ordersMixedKeysTotallyAndFindsEqualExactlyWhatTheStockOrderFindsEqual() {
        List<KeyValue> keys = randomKeys(new Random(20261122), 400);

        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = Integer.signum(order.compare(a, b));
                assertThat(Integer.signum(order.compare(b, a))).as("%s vs %s", a, b).isEqualTo(-ab);
                assertThat(ab == 0).as("%s equal to %s", a, b).isEqualTo(stock.compare(a, b) == 0);
            }
        }
        List<KeyValue> sorted = new ArrayList<>(keys);
        sorted.sort(order::compare);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(order.compare(sorted.get(i), sorted.get(j))).as("transitive at %d, %d", i, j).isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void ordersStringsAndNumbersByValueAndKindsApart() {
        assertThat(order.compare(new KeyValue("series-9", 1L), new KeyValue("series-10", 1L))).isPositive();
        assertThat(order.compare(new KeyValue("a", 2L), new KeyValue("a", 10L))).isNegative();
        assertThat(order.compare(new KeyValue("a", 1L), new KeyValue("a", 1L))).isZero();
        assertThat(order.compare(new KeyValue(1), new KeyValue(1L))).isNotZero();
        assertThat(order.compare(new KeyValue("a"), new KeyValue("a", 1L))).isNegative();
    }

    private static List<KeyValue> randomKeys(Random random, int count) {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int size = 1 + random.nextInt(3);
            Object[] values = new Object[size];
            for (int v = 0; v < size; v++) {
                values[v] = randomValue(random);
            }
            keys.add(new KeyValue(values));
        }
        keys.addAll(keys.subList(0, 40).stream().map(k -> new KeyValue(k.stream().toList())).toList());
        return keys;
    }

    private static Object randomValue(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "s" + random.nextInt(20);
            case 1 -> (long) random.nextInt(20) - 10;
            case 2 -> random.nextInt(20);
            case 3 -> random.nextInt(10) / 4.0;
            case 4 -> random.nextBoolean();
            case 5 -> new Date(1_600_000_000_000L + random.nextInt(5));
            case 6 -> new Document("code", "E0700013" + random.nextInt(3));
            default -> List.of("x", random.nextInt(3));
        };
    }
}
