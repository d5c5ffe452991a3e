package org.civicgraph.platform.test;

import org.civicgraph.local.KafkaBrokerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

/** A real KRaft broker in a child JVM on a fixed loopback port, with a log directory that survives its restarts. */
final class EmbeddedKafkaBroker implements KafkaBroker {

    private final KafkaBrokerProcess broker;

    EmbeddedKafkaBroker() {
        try {
            broker = new KafkaBrokerProcess(Files.createTempDirectory("civicgraph-test-kafka"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void start() {
        broker.start(Duration.ofSeconds(90));
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
