package org.civicgraph.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.civicgraph.stack.mongo.ValueOrderedH2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The local stack's embedded store on its own: inserts of documents shaped like indicators-service's series (ten
 * periods of values each, with its unique {@code {_id, version}} index and the area/indicator index), into
 * mongo-java-server's stock H2 backend and into the stack's {@link ValueOrderedH2Backend}, each at H2's default
 * 16 MB page cache and at the stack's 256 MB, in alternating rounds so their ratio is measured side by side.
 * Arguments: {@code --documents N} (default 150,000: the indicators benchmark's full scale), {@code --rounds N}.
 */
public final class StoreBenchmark implements Benchmark {

    private static final int BATCH = 1_000;
    private static final int PERIODS = 10;
    private static final int WARM_UP = 5_000;

    private record Store(String name, Function<String, H2Backend> open) {
    }

    @Override
    public String description() {
        return "embedded store: series-shaped inserts, stock H2 backend vs the stack's value-ordered indexes, 16 MB vs 256 MB cache";
    }

    @Override
    public void run(Path root, List<String> args) throws Exception {
        int documents = BenchArgs.intArg(args, "--documents", 150_000);
        int rounds = BenchArgs.intArg(args, "--rounds", 1);
        List<Store> stores = List.of(
                new Store("stock H2 backend, 16 MB cache", file -> new H2Backend(file)),
                new Store("value-ordered indexes, 16 MB cache", file -> new ValueOrderedH2Backend(file, 16)),
                new Store("value-ordered indexes, 256 MB cache", file -> new ValueOrderedH2Backend(file, 256)));
        System.out.printf(Locale.ROOT, "Store benchmark: %,d series documents (%,d values) per store, %d round(s)%n",
                documents, (long) documents * PERIODS, rounds);

        for (Store store : stores) {
            insertRate(store, WARM_UP); // so no store pays for the JIT compiling the server
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Store store : stores) {
                double rate = insertRate(store, documents);
                rates.computeIfAbsent(store.name(), name -> new ArrayList<>()).add(rate);
                System.out.printf(Locale.ROOT, "  round %d, %-36s %,8.0f documents/s%n", round, store.name(), rate);
            }
        }

        double stock = best(rates.get(stores.get(0).name()));
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-36s | %-16s | %-18s | %-10s |%n", "Store", "documents/s", "values/s", "vs stock");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(38), "-".repeat(18), "-".repeat(20), "-".repeat(12));
        for (Store store : stores) {
            double rate = best(rates.get(store.name()));
            System.out.printf(Locale.ROOT, "| %-36s | %,16.0f | %,18.0f | %9.1fx |%n", store.name(), rate, rate * PERIODS, rate / stock);
        }
        System.out.println("(best round of each; values/s counts the ten period values each document holds)");
    }

    private static double insertRate(Store store, int documents) throws Exception {
        Path dir = Files.createTempDirectory("store-bench-");
        Path file = dir.resolve("mongo.mv");
        H2Backend backend = store.open().apply(file.toString());
        MongoServer server = new MongoServer(backend);
        try {
            int port = server.bind().getPort();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                MongoCollection<Document> series = client.getDatabase("bench").getCollection("series");
                series.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
                series.createIndex(Indexes.ascending("areaCode", "indicatorId"), new IndexOptions().name("area_indicator"));
                long started = System.nanoTime();
                List<Document> batch = new ArrayList<>(BATCH);
                for (int d = 0; d < documents; d++) {
                    batch.add(seriesDocument(d));
                    if (batch.size() == BATCH || d == documents - 1) {
                        series.insertMany(batch);
                        batch.clear();
                    }
                }
                backend.commit();
                return documents / ((System.nanoTime() - started) / 1e9);
            }
        } finally {
            server.shutdown();
            backend.close();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** By indicator, then area, as an import of an export writes them. */
    private static Document seriesDocument(int d) {
        String indicator = "bench-indicator-" + (d / 300);
        String area = "E0" + (7_000_000 + d % 300);
        List<Document> values = new ArrayList<>(PERIODS);
        for (int p = 0; p < PERIODS; p++) {
            double value = 40 + (d % 17) + p * 0.5;
            values.add(new Document("period", new Document("label", (2013 + p) + "").append("type", "CALENDAR_YEAR"))
                    .append("value", value).append("lower95", value - 2.1).append("upper95", value + 2.3)
                    .append("count", 400 + p).append("denominator", 1_000).append("revision", 1));
        }
        return new Document("_id", indicator + "/" + area).append("indicatorId", indicator).append("areaCode", area)
                .append("version", 1L).append("values", values).append("pendingEvents", List.of());
    }

    private static double best(List<Double> rates) {
        return rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

}
