package org.civicgraph.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.civicgraph.local.KafkaBrokerProcess;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoTest {

    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart(@TempDir Path dataDir) {
        int port = KafkaBrokerProcess.freePort();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, port); MongoClient client = MongoClients.create(mongo.uri("kept"))) {
            client.getDatabase("kept").getCollection("areas").insertOne(new Document("_id", "E07000136").append("name", "Boston"));
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, port); MongoClient client = MongoClients.create(mongo.uri("kept"))) {
            Document boston = client.getDatabase("kept").getCollection("areas").find(new Document("_id", "E07000136")).first();
            assertThat(boston).isNotNull();
            assertThat(boston.getString("name")).isEqualTo("Boston");
        }
    }
}
