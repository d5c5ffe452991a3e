package org.civicgraph.stack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.civicgraph.stack.mongo.ValueOrderedH2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) that keeps its data in one H2 file, so a second start of
 * the stack finds what the first one stored. For local use only: production runs real MongoDB.
 */
final class EmbeddedMongo implements AutoCloseable {

    private final H2Backend backend;
    private final MongoServer server;
    private final int port;

    private EmbeddedMongo(H2Backend backend, MongoServer server, int port) {
        this.backend = backend;
        this.server = server;
        this.port = port;
    }

    static EmbeddedMongo start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        H2Backend backend = new ValueOrderedH2Backend(dataDir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(backend, server, server.getLocalAddress().getPort());
    }

    String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
