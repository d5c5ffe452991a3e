package org.civicgraph.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) run as a child JVM from the Kafka jars on
 * this JVM's class path. Its log directory persists, so a stopped broker restarts with its topics and offsets
 * at the same address. Listens on loopback only.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private Process process;

    public KafkaBrokerProcess(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port == 0 ? freePort() : port;
        this.controllerPort = freePort();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and waits until it answers; formats the log directory on first use. */
    public synchronized void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                format(config);
            }
            process = java("kafka.Kafka", config.toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("kafka.log").toFile()))
                    .start();
            awaitReady(timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker in " + dataDir, e);
        }
    }

    /** Stops the broker process; its data stays for the next start. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Path config = dataDir.resolve("server.properties");
        List<String> lines = List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("logs").toAbsolutePath(),
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0");
        Files.write(config, lines);
        return config;
    }

    private void format(Path config) throws IOException {
        Process formatter = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("kafka-format.log").toFile()))
                .start();
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                throw new IllegalStateException("Formatting the Kafka log directory failed; see " + dataDir.resolve("kafka-format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + writeLoggingConfig(),
                "-Dlog4j2.level=WARN",
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Keeps the broker's own logging at INFO in its log file when logback is the binding on the class path. */
    private String writeLoggingConfig() {
        Path file = dataDir.resolve("logback-kafka.xml");
        try {
            Files.writeString(file, "<configuration><appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                    + "<encoder><pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder></appender>"
                    + "<root level=\"WARN\"><appender-ref ref=\"out\"/></root></configuration>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The Kafka broker exited; see " + dataDir.resolve("kafka.log"));
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("The Kafka broker did not answer within " + timeout, notYet);
                    }
                }
            }
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
