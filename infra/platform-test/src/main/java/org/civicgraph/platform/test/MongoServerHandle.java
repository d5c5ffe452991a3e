package org.civicgraph.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.testcontainers.mongodb.MongoDBContainer;

import java.net.InetSocketAddress;

/** A running MongoDB-compatible server: a real MongoDB replica set in a container, or the embedded server. */
interface MongoServerHandle {

    String uri(String database);

    void stop();

    static MongoServerHandle embedded() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return new MongoServerHandle() {
            @Override
            public String uri(String database) {
                return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
            }

            @Override
            public void stop() {
                server.shutdownNow();
            }
        };
    }

    static MongoServerHandle container() {
        MongoDBContainer container = new MongoDBContainer("mongo:8.0");
        container.start();
        return new MongoServerHandle() {
            @Override
            public String uri(String database) {
                return container.getReplicaSetUrl(database);
            }

            @Override
            public void stop() {
                container.stop();
            }
        };
    }
}
