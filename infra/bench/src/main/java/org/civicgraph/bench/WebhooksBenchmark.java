package org.civicgraph.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.stack.App;
import org.civicgraph.stack.LocalStack;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code infra/bench/run webhooks [--subscribers 100] [--events 200] [--pairs 3] [--slow-seconds 5]}: webhooks-service as a real
 * process with the stack's Kafka broker and embedded MongoDB, delivering to webhook endpoints on loopback (the JDK's
 * HTTP server in this process, one path per subscriber). Events are published to {@code civicgraph.plans.v1} as a
 * service's outbox relay would, stamped ({@code ce_time}) when published; latency is from that stamp to the moment
 * the endpoint has the request. Rounds alternate in one run, each with its own subscribers (filtered by event type,
 * suspended when the round ends): A, N healthy subscribers; B, N-1 healthy ones and one that answers after 5 s; A, B,
 * ..., A. Each round publishes the same number of events as fast as the producer takes them and ends when every
 * healthy subscriber has every event; throughput is the healthy deliveries divided by that time. Each B is compared
 * with the mean of the A rounds just before and after it, so drift on a shared machine cancels out; the median ratio
 * must be at least 0.90. A last round publishes at a steady third of the measured throughput for about 20 s and reports
 * the change-to-delivery latency when the service keeps up (in a burst it includes the wait behind the burst).
 */
public final class WebhooksBenchmark implements Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OWNER = "bench-partner";

    @Override
    public String description() {
        return "webhooks-service: deliveries per second to 100 subscribers on loopback, p95 change-to-delivery, effect of one 5 s subscriber";
    }

    @Override
    public void run(Path root, List<String> args) throws Exception {
        int subscribers = intArg(args, "--subscribers", 100);
        int events = intArg(args, "--events", 200);
        int slowSeconds = intArg(args, "--slow-seconds", 5);
        int pairs = intArg(args, "--pairs", 3);
        System.out.printf(Locale.ROOT, "Webhooks benchmark: %d subscribers, %d events per round, slow subscriber answers after %d s%n",
                subscribers, events, slowSeconds);
        Receivers receivers = new Receivers(Duration.ofSeconds(slowSeconds));
        try (ServiceUnderTest service = ServiceUnderTest.start(App.WEBHOOKS, root);
             KafkaProducer<String, byte[]> producer = producer(service.stack())) {
            try {
                measure(service, producer, receivers, subscribers, events, slowSeconds, pairs);
            } catch (RuntimeException | InterruptedException e) {
                Path kept = root.resolve("infra/bench/target/webhooks-service.log");
                java.nio.file.Files.copy(service.log(), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                System.out.println("  failed; webhooks-service's log kept in " + kept);
                throw e;
            }
        } finally {
            receivers.close();
        }
    }

    private static void measure(ServiceUnderTest service, KafkaProducer<String, byte[]> producer, Receivers receivers, int subscribers,
                                int events, int slowSeconds, int pairs) throws Exception {
        LocalStack stack = service.stack();
        String graphql = stack.serviceUrl(App.WEBHOOKS);
        String token = stack.issuer().mint("bench@" + OWNER, OWNER, List.of("admin"), Duration.ofHours(2));

        warmUp(receivers, graphql, token, producer);
        // A B A B ... A: each B between two A rounds, so that drift on a shared machine cancels out of its ratio
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i <= pairs; i++) {
            rounds.add(new Round("A" + (i + 1) + " (all healthy)", "a" + i, subscribers, false));
            if (i < pairs) {
                rounds.add(new Round("B" + (i + 1) + " (one answers after " + slowSeconds + " s)", "b" + i, subscribers, true));
            }
        }
        for (Round round : rounds) {
            round.register(receivers, graphql, token);
            round.publishAndWait(receivers, producer, events);
            round.print();
            round.suspendAll(graphql, token);
        }
        List<Round> healthy = rounds.stream().filter(round -> !round.withSlow).toList();
        List<Round> withSlow = rounds.stream().filter(round -> round.withSlow).toList();
        double meanA = healthy.stream().mapToDouble(Round::throughput).average().orElseThrow();

        // Latency when the service keeps up: events at about a third of the measured throughput, for about 20 s
        double rate = Math.max(1, meanA / 3 / subscribers);
        int steadyEvents = (int) Math.max(20, rate * 20);
        Round steady = new Round(String.format(Locale.ROOT, "S  (steady %.1f events/s)", rate), "s", subscribers, false);
        steady.register(receivers, graphql, token);
        steady.publishAndWait(receivers, producer, steadyEvents, rate);
        steady.print();

        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < withSlow.size(); i++) {
            ratios.add(withSlow.get(i).throughput() / ((healthy.get(i).throughput() + healthy.get(i + 1).throughput()) / 2));
        }
        double median = ratios.stream().sorted().toList().get(ratios.size() / 2);
        System.out.println();
        row("measure", "figure", "target");
        row("deliveries/s to " + subscribers + " subscribers (A rounds)", join(healthy, r -> String.format(Locale.ROOT, "%.0f", r.throughput())), "");
        row("deliveries/s to " + (subscribers - 1) + " healthy, one slow (B rounds)", join(withSlow, r -> String.format(Locale.ROOT, "%.0f", r.throughput())), "");
        row(String.format(Locale.ROOT, "change to delivery at %.0f deliveries/s (S)", rate * subscribers), steady.latency(), "");
        row("change to delivery in a burst of " + events + " events (A1)", healthy.get(0).latency() + " (waits behind the burst)", "");
        row("each B / mean of the A before and after", join(ratios, ratio -> String.format(Locale.ROOT, "%.3f", ratio)), "");
        row("median ratio", String.format(Locale.ROOT, "%.3f (%s)", median, median >= 0.90 ? "within 10%" : "MORE than 10% lower"), ">= 0.90");
        row("slow subscriber's deliveries per B round", join(withSlow, r -> r.slowDelivered + " of " + events), "");
    }

    private static void row(String measure, String figure, String target) {
        System.out.printf(Locale.ROOT, "| %-56s | %-44s | %-8s |%n", measure, figure, target);
    }

    private static <T> String join(List<T> items, java.util.function.Function<T, String> format) {
        return String.join(", ", items.stream().map(format).toList());
    }

    /** One round: its own subscribers, filtered to its own event type, and what they received. */
    private static final class Round {
        final String title;
        final String type;
        final int subscribers;
        final boolean withSlow;
        final List<String> paths = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        String slowSubscription;
        String slowPath;
        long[] latencies;
        double seconds;
        int healthyDeliveries;
        long slowDelivered;

        Round(String title, String tag, int subscribers, boolean withSlow) {
            this.title = title;
            this.type = "org.civicgraph.bench.webhooks-" + tag + ".v1";
            this.subscribers = subscribers;
            this.withSlow = withSlow;
        }

        void register(Receivers receivers, String graphql, String token) {
            String run = UUID.randomUUID().toString().substring(0, 6);
            for (int i = 0; i < subscribers; i++) {
                boolean slow = withSlow && i == subscribers - 1;
                String path = (slow ? "/slow/" : "/hooks/") + run + "-" + i;
                String id = registerWebhook(graphql, token, receivers.url(path), type);
                ids.add(id);
                if (slow) {
                    slowSubscription = id;
                    slowPath = path;
                } else {
                    paths.add(path);
                }
            }
            System.out.printf(Locale.ROOT, "  %s: %d subscriptions registered and validated%n", title, subscribers);
        }

        void publishAndWait(Receivers receivers, KafkaProducer<String, byte[]> producer, int events) throws InterruptedException {
            publishAndWait(receivers, producer, events, 0);
        }

        /** Publishes the events (at the given rate per second, or as fast as possible for 0) and waits for every healthy delivery. */
        void publishAndWait(Receivers receivers, KafkaProducer<String, byte[]> producer, int events, double rate) throws InterruptedException {
            paths.forEach(path -> receivers.expect(path, events));
            long started = System.nanoTime();
            for (int i = 0; i < events; i++) {
                String activity = "bench-plan/A" + (i % 50);
                String data = "{\"activityId\":\"" + activity + "\",\"period\":\"2025-26-Q" + (1 + i % 4) + "\",\"status\":\"Green\","
                        + "\"commentary\":\"On track; benchmark event " + i + "\",\"n\":" + i + "}";
                CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), type, "/civicgraph/plans-service",
                        "plans/bench-plan/activities/A" + (i % 50), Instant.now(), activity, data);
                producer.send(event.toRecord("civicgraph.plans.v1"));
                if (rate > 0) {
                    producer.flush();
                    long due = started + (long) ((i + 1) * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (!paths.stream().allMatch(path -> receivers.count(path) >= events)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Round " + title + " did not finish in 15 minutes");
                }
                Thread.sleep(20);
            }
            long last = paths.stream().mapToLong(receivers::lastNanos).max().orElse(System.nanoTime());
            seconds = (last - started) / 1e9;
            healthyDeliveries = paths.size() * events;
            latencies = paths.stream().flatMapToLong(path -> Arrays.stream(receivers.latencies(path))).sorted().toArray();
            slowDelivered = slowPath == null ? 0 : receivers.count(slowPath);
        }

        /** Stops the round's deliveries (the slow one's backlog among them), so the next round runs alone. */
        void suspendAll(String graphql, String token) {
            ids.forEach(id -> suspend(graphql, token, id));
        }

        double throughput() {
            return healthyDeliveries / seconds;
        }

        String latency() {
            return String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms", percentile(50), percentile(95));
        }

        private double percentile(int percent) {
            int index = (int) Math.ceil(percent / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, index)] / 1e6;
        }

        void print() {
            System.out.printf(Locale.ROOT, "  %s: %,d deliveries to %d healthy subscribers in %.1f s: %.0f/s; %s%s%n", title,
                    healthyDeliveries, paths.size(), seconds, throughput(), latency(),
                    withSlow ? "; the slow one had " + slowDelivered + " by then" : "");
        }
    }

    /** A few events to a few subscribers first, so the JIT and connection pools are warm for round A. */
    private static void warmUp(Receivers receivers, String graphql, String token, KafkaProducer<String, byte[]> producer) throws Exception {
        Round warm = new Round("warm-up", "warm", 10, false);
        warm.register(receivers, graphql, token);
        warm.publishAndWait(receivers, producer, 200);
        warm.suspendAll(graphql, token);
    }

    private static String registerWebhook(String graphql, String token, String endpoint, String type) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("endpoint", endpoint);
        input.put("filter", Map.of("eventTypes", List.of(type)));
        String response = post(graphql, token, """
                mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { subscription { id state validationError } } }""",
                Map.of("input", input));
        if (!response.contains("\"ACTIVE\"")) {
            throw new IllegalStateException("Registration failed: " + response);
        }
        return com.jayway.jsonpath.JsonPath.read(response, "$.data.registerWebhook.subscription.id");
    }

    private static void suspend(String graphql, String token, String id) {
        post(graphql, token, "mutation { suspendWebhook(id: \"" + id + "\") { subscription { state } } }", Map.of());
    }

    private static String post(String url, String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.body().contains("\"errors\"")) {
                throw new IllegalStateException("GraphQL errors: " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, byte[]> producer(LocalStack stack) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The endpoints: one HTTP server on loopback, a path per subscriber. It answers the handshake, and each delivery with
     * 200 at once ({@code /hooks/...}) or after the slow delay ({@code /slow/...}), noting when it arrived.
     */
    private static final class Receivers implements AutoCloseable {
        private final HttpServer server;
        private final Duration slowDelay;
        private final Map<String, Arrivals> arrivals = new ConcurrentHashMap<>();

        Receivers(Duration slowDelay) throws IOException {
            this.slowDelay = slowDelay;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.createContext("/", this::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        void expect(String path, int events) {
            arrivals.put(path, new Arrivals(events));
        }

        long count(String path) {
            Arrivals of = arrivals.get(path);
            return of == null ? 0 : of.count();
        }

        long lastNanos(String path) {
            return arrivals.get(path).last;
        }

        long[] latencies(String path) {
            return arrivals.get(path).latencies();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (exchange.getRequestMethod().equals("OPTIONS")) {
                    exchange.getResponseHeaders().add("WebHook-Allowed-Origin", "*");
                    exchange.sendResponseHeaders(200, -1);
                    return;
                }
                exchange.getRequestBody().readAllBytes();
                long now = System.nanoTime();
                Instant nowInstant = Instant.now();
                String time = exchange.getRequestHeaders().getFirst("ce-time");
                if (path.startsWith("/slow/")) {
                    arrivals.computeIfAbsent(path, p -> new Arrivals(100_000));
                    try {
                        Thread.sleep(slowDelay.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Arrivals of = arrivals.get(path);
                if (of != null && time != null) {
                    of.arrived(now, Duration.between(Instant.parse(time), nowInstant).toNanos());
                }
                exchange.sendResponseHeaders(200, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** When each delivery of one subscriber arrived, and how long after its change. */
    private static final class Arrivals {
        private final AtomicLongArray latencies;
        private int count;
        private volatile long last;

        Arrivals(int capacity) {
            latencies = new AtomicLongArray(capacity);
        }

        synchronized void arrived(long atNanos, long latencyNanos) {
            if (count < latencies.length()) {
                latencies.set(count, latencyNanos);
            }
            count++;
            last = atNanos;
        }

        synchronized long count() {
            return count;
        }

        synchronized long[] latencies() {
            long[] copy = new long[Math.min(count, latencies.length())];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = latencies.get(i);
            }
            return copy;
        }
    }

    private static int intArg(List<String> args, String name, int fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Integer.parseInt(args.get(at + 1)) : fallback;
    }
}
