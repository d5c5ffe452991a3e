package org.civicgraph.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peer gateways of issue 8, from npm ({@code infra/bench/peers}: exact versions in its package-lock.json):
 * {@code @apollo/gateway} (with {@code @apollo/server}) and {@code @graphql-hive/gateway}, each over a supergraph
 * composed here, offline, from the four services' own {@code _service { sdl }}.
 * <p>
 * Nothing may leave this machine: both run with a fresh environment holding only what is set here (no
 * {@code APOLLO_KEY}, {@code APOLLO_GRAPH_REF}, {@code HIVE_*} or {@code OPENTELEMETRY*}), bind 127.0.0.1, and run
 * in an empty working folder (Hive Gateway would load a {@code gateway.config.*} or {@code mesh.config.*} found in
 * it). Apollo Gateway phones out by default: {@code APOLLO_TELEMETRY_DISABLED=1} and its usage reporting, schema
 * reporting and landing page plugins are switched off ({@code peers/apollo.mjs}, which refuses to start otherwise).
 */
final class PeerGateways implements AutoCloseable {

    /** HTTP/1.1 for every contender: the JDK client's default offers an h2c upgrade, which Hive Gateway's server does not answer. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final Path peers;
    private final Path workDir;
    private final List<Process> processes = new ArrayList<>();
    private String apolloUrl;
    private String hiveUrl;

    private PeerGateways(Path peers, Path workDir) {
        this.peers = peers;
        this.workDir = workDir;
    }

    /**
     * Installs the peers if needed, composes the supergraph and starts both gateways.
     *
     * @param subgraphs service name to its loopback GraphQL URL
     */
    static PeerGateways start(Path root, Map<String, String> subgraphs, Duration timeout) throws Exception {
        Path peers = root.resolve("infra/bench/peers");
        installIfNeeded(peers);
        PeerGateways gateways = new PeerGateways(peers, Files.createTempDirectory("civicgraph-bench-peers"));
        try {
            gateways.compose(subgraphs);
            int apolloPort = freePort();
            int hivePort = freePort();
            gateways.launch("apollo-gateway", List.of("node", peers.resolve("apollo.mjs").toString(), "supergraph.graphql", String.valueOf(apolloPort)));
            gateways.launch("hive-gateway", List.of("node", peers.resolve("node_modules/@graphql-hive/gateway/dist/bin.js").toString(),
                    "supergraph", "supergraph.graphql", "--host", "127.0.0.1", "--port", String.valueOf(hivePort)));
            gateways.apolloUrl = "http://127.0.0.1:" + apolloPort + "/";
            gateways.hiveUrl = "http://127.0.0.1:" + hivePort + "/graphql";
            awaitReady(gateways.apolloUrl, timeout, gateways.workDir.resolve("apollo-gateway.log"));
            awaitReady(gateways.hiveUrl, timeout, gateways.workDir.resolve("hive-gateway.log"));
            return gateways;
        } catch (Exception e) {
            gateways.close();
            throw e;
        }
    }

    String apolloUrl() {
        return apolloUrl;
    }

    String hiveUrl() {
        return hiveUrl;
    }

    /** What composition printed, such as the value types it had to mark shareable. */
    String compositionNotes() throws IOException {
        return Files.readString(workDir.resolve("compose.log")).strip();
    }

    /** {@code npm ci} from the committed lock file when node_modules is missing or older than it. */
    private static void installIfNeeded(Path peers) throws Exception {
        Path installed = peers.resolve("node_modules/.package-lock.json");
        if (Files.isRegularFile(installed)
                && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(peers.resolve("package-lock.json"))) >= 0) {
            return;
        }
        System.out.println("  installing the peer gateways (npm ci in " + peers + ")");
        ProcessBuilder npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                .directory(peers.toFile()).inheritIO();
        npm.environment().put("NO_UPDATE_NOTIFIER", "1");
        npm.environment().put("npm_config_update_notifier", "false");
        Process process = npm.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + peers);
        }
    }

    private void compose(Map<String, String> subgraphs) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", peers.resolve("compose.mjs").toString(), "supergraph.graphql"));
        subgraphs.forEach((name, url) -> command.add(name + "=" + url));
        Process process = builder(command, "compose.log").start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Composing the supergraph failed: " + Files.readString(workDir.resolve("compose.log")));
        }
    }

    private void launch(String name, List<String> command) throws IOException {
        processes.add(builder(command, name + ".log").start());
    }

    /** A child process with only the environment set here, in the empty working folder, logging to a file there. */
    private ProcessBuilder builder(List<String> command, String log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve(log).toFile());
        Map<String, String> environment = builder.environment();
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
            if (System.getenv(name) != null) {
                kept.put(name, System.getenv(name));
            }
        }
        environment.clear();
        environment.putAll(kept);
        environment.put("NODE_ENV", "production");
        environment.put("APOLLO_TELEMETRY_DISABLED", "1");
        environment.put("NO_UPDATE_NOTIFIER", "1");
        return builder;
    }

    private static void awaitReady(String url, Duration timeout, Path log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " did not start within " + timeout + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(workDir.resolve("supergraph.graphql"));
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
