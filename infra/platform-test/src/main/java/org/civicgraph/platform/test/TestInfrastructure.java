package org.civicgraph.platform.test;

import org.civicgraph.local.DevTokenIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.time.Duration;
import java.util.List;

/**
 * The MongoDB server, Kafka broker and token issuer that integration tests run against, started once per
 * test JVM. With a Docker engine they are real MongoDB and Kafka containers (Testcontainers); without one,
 * the embedded Mongo wire-protocol server and an in-process KRaft broker. Tests see the same addresses either
 * way. Set {@code -Dcivicgraph.test.infrastructure=embedded} to force the embedded mode.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static TestInfrastructure instance;

    private final Mode mode;
    private final MongoServerHandle mongo;
    private final KafkaBroker kafka;
    private final DevTokenIssuer tokenIssuer;

    public enum Mode { TESTCONTAINERS, EMBEDDED }

    private TestInfrastructure(Mode mode) {
        this.mode = mode;
        this.mongo = mode == Mode.TESTCONTAINERS ? MongoServerHandle.container() : MongoServerHandle.embedded();
        this.kafka = newKafkaBroker(mode);
        this.kafka.start();
        this.tokenIssuer = DevTokenIssuer.start(0);
        log.info("CivicGraph test infrastructure: mode={} mongo={} kafka={} issuer={}", mode, mongo.uri("<db>"),
                kafka.bootstrapServers(), tokenIssuer.issuerUri());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "test-infrastructure-shutdown"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = new TestInfrastructure(detectMode());
        }
        return instance;
    }

    public Mode mode() {
        return mode;
    }

    /** A connection string to a database of the shared test server. */
    public String mongoUri(String database) {
        return mongo.uri(database);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public DevTokenIssuer tokenIssuer() {
        return tokenIssuer;
    }

    /** A bearer token for a user of the given organisation. */
    public String tokenFor(String organisation, String... roles) {
        return tokenIssuer.mint("test-user@" + organisation, organisation, List.of(roles), Duration.ofMinutes(30));
    }

    /** A broker of the test's own, which the test may stop and start again on the same address. */
    public KafkaBroker newRestartableKafka() {
        return newKafkaBroker(mode);
    }

    private static KafkaBroker newKafkaBroker(Mode mode) {
        return mode == Mode.TESTCONTAINERS ? new ContainerKafkaBroker() : new EmbeddedKafkaBroker();
    }

    private static Mode detectMode() {
        if ("embedded".equalsIgnoreCase(System.getProperty("civicgraph.test.infrastructure"))) {
            return Mode.EMBEDDED;
        }
        return DockerClientFactory.instance().isDockerAvailable() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;
    }

    private void stopAll() {
        tokenIssuer.close();
        kafka.stop();
        mongo.stop();
    }
}
