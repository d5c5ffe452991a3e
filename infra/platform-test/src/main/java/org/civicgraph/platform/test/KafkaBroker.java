package org.civicgraph.platform.test;

/** A Kafka broker that keeps its address across a stop and a start, so clients reconnect to it. */
public interface KafkaBroker {

    void start();

    void stop();

    String bootstrapServers();
}
