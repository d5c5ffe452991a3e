package org.civicgraph.stack;

import org.civicgraph.local.DevTokenIssuer;
import org.civicgraph.local.KafkaBrokerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole platform on one machine without Docker: the embedded Mongo wire-protocol server (persisting to the
 * data folder), a real Kafka broker (KRaft) in a child JVM, the development token issuer, then the four services
 * and the gateway, each its own JVM, loading the demo data on first start.
 */
public final class LocalStack implements AutoCloseable {

    private final Path root;
    private final Path dataDir;
    private final StackPorts ports;
    private final Consumer<String> progress;
    private final Map<App, AppProcess> apps = new EnumMap<>(App.class);
    private JvmSettings jvm = JvmSettings.DEVELOPMENT;
    private EmbeddedMongo mongo;
    private KafkaBrokerProcess kafka;
    private DevTokenIssuer issuer;

    public LocalStack(Path root, Path dataDir, StackPorts ports, Consumer<String> progress) {
        this.root = root;
        this.dataDir = dataDir;
        this.ports = ports;
        this.progress = progress;
    }

    /** How the applications' JVMs are started, {@link JvmSettings#DEVELOPMENT} unless set before {@link #start}. */
    public LocalStack withJvm(JvmSettings settings) {
        this.jvm = settings;
        return this;
    }

    /** Starts everything and waits until every application is ready. */
    public void start(Duration timeout) {
        start(timeout, EnumSet.allOf(App.class));
    }

    /** Starts MongoDB, Kafka, the issuer and the given applications only (a benchmark needs one service). */
    public void start(Duration timeout, Set<App> only) {
        long started = System.nanoTime();
        mongo = EmbeddedMongo.start(dataDir.resolve("mongo"), ports.mongo());
        progress.accept("MongoDB (embedded, " + dataDir.resolve("mongo") + ") on 127.0.0.1:" + ports.mongo());
        issuer = DevTokenIssuer.start(ports.issuer());
        progress.accept("Development token issuer on " + issuer.issuerUri());
        kafka = new KafkaBrokerProcess(dataDir.resolve("kafka"), ports.kafka());
        kafka.start(timeout);
        progress.accept("Kafka broker (KRaft) on " + kafka.bootstrapServers() + " after " + seconds(started));

        for (App app : only) {
            AppProcess process = new AppProcess(app, executableJar(app), ports.of(app), environment(app), dataDir.resolve("logs"), jvm);
            apps.put(app, process);
            process.start();
        }
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (AppProcess process : apps.values()) {
            ready.add(CompletableFuture.runAsync(() -> {
                process.awaitReady(timeout);
                progress.accept(process.app().module() + " ready on http://127.0.0.1:" + process.port()
                        + " (pid " + process.pid() + ") after " + seconds(started));
            }));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    /** Stops one application, leaving the rest running. */
    void stop(App app) {
        apps.get(app).stop();
    }

    /** Starts one stopped application again and waits until it is ready. */
    void restart(App app, Duration timeout) {
        AppProcess process = apps.get(app);
        process.start();
        process.awaitReady(timeout);
    }

    /** Stops the Kafka broker, as in an outage; its data stays for {@link #startKafka}. */
    void stopKafka() {
        kafka.stop();
    }

    void startKafka(Duration timeout) {
        kafka.start(timeout);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The portal, which the gateway serves. */
    public String portalUrl() {
        return "http://127.0.0.1:" + ports.of(App.GATEWAY) + "/";
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.of(App.GATEWAY) + "/graphql";
    }

    public String serviceUrl(App app) {
        return "http://127.0.0.1:" + ports.of(app) + "/graphql";
    }

    public DevTokenIssuer issuer() {
        return issuer;
    }

    /** A connection string to the given database of the stack's Mongo server. */
    public String mongoUri(String database) {
        return mongo.uri(database);
    }

    public StackPorts ports() {
        return ports;
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        apps.values().forEach(process -> stopping.add(CompletableFuture.runAsync(process::stop)));
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        if (kafka != null) {
            kafka.stop();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    private Map<String, String> environment(App app) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", String.valueOf(ports.of(app)));
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer.issuerUri());
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        if (app.database() != null) {
            env.put("SPRING_MONGODB_URI", mongo.uri(app.database()));
            env.put("CIVICGRAPH_DEMO_DATA", "true");
        }
        if (app == App.CONTRACTS) {
            env.put("CIVICGRAPH_CONTRACTS_DIRECTORY_URL", serviceUrl(App.PARTNERS)); // resolves unmatched providers again
        }
        if (app == App.WEBHOOKS) {
            env.put("CIVICGRAPH_WEBHOOKS_ALLOW_PLAIN_HTTP_LOOPBACK", "true"); // http:// endpoints on this machine, for trying webhooks out
        }
        if (app == App.GATEWAY) {
            env.put("CIVICGRAPH_PORTAL_DEVELOPMENT_SIGN_IN", "true"); // the portal's sign-in asks the development issuer
            for (App service : App.services()) {
                env.put("CIVICGRAPH_GATEWAY_SERVICES_" + service.name(), serviceUrl(service));
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CIVICGRAPH_JSON_LOGS"))) {
            env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        }
        return env;
    }

    private Path executableJar(App app) {
        Path target = root.resolve(app.module()).resolve("target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, app.module() + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new IllegalStateException("No executable jar in " + target + ": build first with ./mvnw -DskipTests package");
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seconds(long startedNanos) {
        return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }
}
