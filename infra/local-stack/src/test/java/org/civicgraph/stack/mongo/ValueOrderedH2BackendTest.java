package org.civicgraph.stack.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueOrderedH2BackendTest {

    private static final int SERIES = 3_000;

    @Test
    void uniqueIndexesFindRejectAndSurviveARestart(@TempDir Path dir) {
        String file = dir.resolve("mongo.mv").toString();
        withServer(new ValueOrderedH2Backend(file), series -> {
            series.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            series.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            insertSeries(series);
            assertIndexesServe(series);
            return null;
        });

        withServer(new ValueOrderedH2Backend(file), series -> {
            assertIndexesServe(series);
            // a version-checked write, as Spring Data's optimistic locking issues it
            assertThat(series.updateOne(Filters.and(Filters.eq("_id", "series-17"), Filters.eq("version", 1L)),
                Updates.combine(Updates.set("value", 1.5), Updates.inc("version", 1L))).getModifiedCount()).isEqualTo(1);
            assertThat(series.updateOne(Filters.and(Filters.eq("_id", "series-17"), Filters.eq("version", 1L)),
                Updates.set("value", 9.9)).getModifiedCount()).isZero();
            assertThat(series.find(Filters.and(Filters.eq("_id", "series-17"), Filters.eq("version", 2L))).first())
                .extracting(d -> d.get("value")).isEqualTo(1.5);
            return null;
        });
    }

    @Test
    void aStoreWrittenByTheStockBackendKeepsItsIndexesWorking(@TempDir Path dir) {
        String file = dir.resolve("mongo.mv").toString();
        withServer(new H2Backend(file), series -> {
            series.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            insertSeries(series);
            return null;
        });

        withServer(new ValueOrderedH2Backend(file), series -> {
            series.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            assertIndexesServe(series);
            series.insertOne(new Document("_id", "series-new").append("version", 1L).append("code", "C-new"));
            assertThat(series.find(Filters.and(Filters.eq("_id", "series-new"), Filters.eq("version", 1L))).first()).isNotNull();
            return null;
        });

        try (MVStore store = new MVStore.Builder().fileName(file).readOnly().open()) {
            assertThat(store.openMap(IndexMaps.ORDER_RECORD).keySet())
                .anyMatch(name -> name.toString().endsWith("._index_code_1"))
                .noneMatch(name -> name.toString().endsWith("._index__id_1_version_1"));
        }
    }

    private static void insertSeries(MongoCollection<Document> series) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < SERIES; i++) {
            documents.add(new Document("_id", "series-" + i).append("version", 1L).append("code", "C" + i).append("value", (double) i));
        }
        series.insertMany(documents);
    }

    private static void assertIndexesServe(MongoCollection<Document> series) {
        assertThat(series.countDocuments()).isGreaterThanOrEqualTo(SERIES);
        for (int i = 0; i < SERIES; i += 97) {
            assertThat(series.find(Filters.and(Filters.eq("_id", "series-" + i), Filters.eq("version", 1L))).first())
                .extracting(d -> d.get("code")).isEqualTo("C" + i);
            assertThat(series.find(Filters.eq("code", "C" + i)).first()).extracting(d -> d.get("_id")).isEqualTo("series-" + i);
        }
        assertThatThrownBy(() -> series.insertOne(new Document("_id", "series-5").append("version", 1L).append("code", "other")))
            .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
        assertThatThrownBy(() -> series.insertOne(new Document("_id", "series-x").append("version", 1L).append("code", "C5")))
            .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
    }

    private static void withServer(H2Backend backend, Function<MongoCollection<Document>, Void> work) {
        MongoServer server = new MongoServer(backend);
        try {
            var address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                work.apply(client.getDatabase("indicators").getCollection("series"));
            }
        } finally {
            server.shutdown();
            backend.close();
        }
    }
}
