package org.civicgraph.bench;

import com.jayway.jsonpath.JsonPath;
import org.civicgraph.stack.App;
import org.civicgraph.stack.LocalStack;
import org.civicgraph.stack.StackPorts;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The gateway (issue 8) on the local stack with its demo data, side by side in one run:
 * <ul>
 * <li>Overhead: Boston's area profile and Lincolnshire County Council's organisation 360 through the gateway, against
 * the same data fetched by calling the services directly and in parallel, as a client without the gateway would
 * (the area's place first, then the services that need it): p50/p95 of single calls, and requests per second with
 * {@code --clients} concurrent callers for {@code --seconds}; target gateway p95 at most 1.3x direct.</li>
 * <li>Event latency: from a mutation's response (through the gateway) to the matching message of a subscription
 * (Server-Sent Events on the gateway), p50/p95 over {@code --events} events; target p95 under 100 ms.</li>
 * </ul>
 * Not measured here: the peer gateways (@graphql-hive/gateway, @apollo/gateway) composing the same subgraphs.
 */
public final class GatewayBenchmark implements Benchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOSTON = "E07000136";
    private static final String ORGANISATION = "lincolnshire-cc";

    private static final String ENTRY = """
            fragment entry on ProfileEntry { indicator { id name unit polarity } latest { period { label } value }
              comparison { benchmark benchmarkValue outcome score } trend { points direction assessment significance } }""";
    private static final String AREA_PROFILE = """
            query($code: ID!) { areaProfile(code: $code) {
              area { code name type ancestors { code name type } }
              partners { organisation { id name type website } via inherited }
              plans { plan { id title ownerOrganisation kind period } via inherited }
              indicators { benchmark method indicators { ...entry } positive { ...entry } negative { ...entry } }
              activities { activity { id planId reference description leadOrganisation partnerOrganisations } via inherited
                           latest { period status behindPlan } }
              contracts { recordedFor inherited contract { id ownerOrganisation service provider providerOrganisationId term reviewDate
                           latestRating { label ratedOn } } } } }
            fragment entry on AreaIndicator { indicator { id name unit polarity } latest { period { label } value }
              comparison { benchmark benchmarkValue outcome score } trend { points direction assessment significance } }""";
    private static final String ORGANISATION_360 = """
            query($id: ID!) { organisation360(id: $id) {
              organisation { id name type website }
              contractsAsProvider { id strategyId ownerOrganisation service provider valueAmount term reviewDate performance }
              strategiesCommissioned { id ownerOrganisation title stage commissionerStatus reportDate }
              activities { id planId reference description leadOrganisation partnerOrganisations } } }""";

    @Override
    public String description() {
        return "gateway: area profile and organisation 360 through the gateway vs the services called directly in parallel; event latency";
    }

    @Override
    public void run(Path root, List<String> args) throws Exception {
        int runs = BenchArgs.intArg(args, "--runs", 200);
        int clients = BenchArgs.intArg(args, "--clients", 8);
        int seconds = BenchArgs.intArg(args, "--seconds", 20);
        int events = BenchArgs.intArg(args, "--events", 1000);
        Path dataDir = Files.createTempDirectory("civicgraph-bench-gateway");
        try (LocalStack stack = new LocalStack(root, dataDir, StackPorts.free(), message -> System.out.println("  " + message))) {
            stack.start(Duration.ofMinutes(5), EnumSet.of(App.GATEWAY, App.PLANS, App.CONTRACTS, App.INDICATORS, App.PARTNERS));
            Direct direct = new Direct(stack);
            String gateway = stack.gatewayUrl();

            List<Row> rows = new ArrayList<>();
            rows.add(compare("Area profile (Boston)", runs, clients, seconds,
                    () -> post(gateway, AREA_PROFILE, Map.of("code", BOSTON), null), () -> direct.areaProfile(BOSTON)));
            rows.add(compare("Organisation 360 (" + ORGANISATION + ")", runs, clients, seconds,
                    () -> post(gateway, ORGANISATION_360, Map.of("id", ORGANISATION), null), () -> direct.organisation360(ORGANISATION)));
            System.out.println();
            System.out.printf(Locale.ROOT, "| %-36s | %-28s | %-28s | %-9s | %-22s |%n", "View", "Gateway", "Direct, in parallel", "p95 ratio",
                    "Throughput (gw / direct)");
            System.out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(38), "-".repeat(30), "-".repeat(30), "-".repeat(11), "-".repeat(24));
            for (Row row : rows) {
                double ratio = row.gateway().p95Millis() / row.direct().p95Millis();
                System.out.printf(Locale.ROOT, "| %-36s | %-28s | %-28s | %-9s | %-22s |%n", row.name(), percentiles(row.gateway()),
                        percentiles(row.direct()), String.format(Locale.ROOT, "%.2fx %s", ratio, ratio <= 1.3 ? "met" : "MISSED"),
                        String.format(Locale.ROOT, "%.0f / %.0f req/s", row.gatewayRate(), row.directRate()));
            }
            System.out.printf(Locale.ROOT, "Throughput with %d concurrent clients for %d s each; %d single-call runs for the percentiles.%n",
                    clients, seconds, runs);
            Latencies eventLatency = eventLatency(stack, events);
            System.out.printf(Locale.ROOT, "%nEvent latency, mutation response to subscription message (%d events, %d lost): %s (target p95 < 100 ms: %s)%n",
                    events, events - eventLatency.count(), percentiles(eventLatency), eventLatency.p95Millis() < 100 ? "met" : "MISSED");
        } finally {
            LocalStack.deleteRecursively(dataDir);
        }
    }

    private record Row(String name, Latencies gateway, Latencies direct, double gatewayRate, double directRate) {
    }

    /** Gateway and direct, alternating blocks of runs so that both see the same machine. */
    private static Row compare(String name, int runs, int clients, int seconds, Supplier<String> viaGateway, Supplier<?> viaServices) throws Exception {
        String sample = viaGateway.get();
        if (sample.contains("\"errors\"")) {
            throw new IllegalStateException(name + " answered with errors: " + sample);
        }
        Latencies.measure(20, 0, viaGateway);
        Latencies.measure(20, 0, viaServices);
        Latencies gateway = Latencies.measure(0, runs, viaGateway);
        Latencies direct = Latencies.measure(0, runs, viaServices);
        double gatewayRate = throughput(clients, seconds, viaGateway);
        double directRate = throughput(clients, seconds, viaServices);
        return new Row(name, gateway, direct, gatewayRate, directRate);
    }

    private static double throughput(int clients, int seconds, Supplier<?> call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    call.get();
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return done.get() / (double) seconds;
    }

    /** An admin of Boston changes its website through the gateway; a subscriber to Boston's changes waits for each. */
    private static Latencies eventLatency(LocalStack stack, int events) throws Exception {
        String token = stack.issuer().mint("bench@boston-bc", "boston-bc", List.of("admin"), Duration.ofHours(1));
        BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(events + 10);
        String gateway = stack.gatewayUrl();
        CompletableFuture<Void> subscriber = CompletableFuture.runAsync(() -> subscribe(gateway, token, arrivals));
        String mutation = "mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { website } } }";
        // the gateway's feed joins its topics at the latest offset: change until the subscriber sees one
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int warm = 0;
        while (arrivals.poll(500, TimeUnit.MILLISECONDS) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The subscription received nothing within 120 s");
            }
            post(gateway, mutation, Map.of("input", Map.of("id", "boston-bc", "website", "https://www.boston.gov.uk/warm-" + warm++)), token);
        }
        Thread.sleep(2_000);
        arrivals.clear();
        Latencies latencies = new Latencies();
        for (int i = 0; i < events; i++) {
            post(gateway, mutation, Map.of("input", Map.of("id", "boston-bc", "website", "https://www.boston.gov.uk/bench-" + i)), token);
            long answered = System.nanoTime();
            Long arrived = arrivals.poll(10, TimeUnit.SECONDS);
            if (arrived == null) {
                System.out.println("  event " + i + " did not arrive within 10 s");
            } else {
                latencies.add(Math.max(0, arrived - answered));
            }
        }
        subscriber.cancel(true);
        return latencies;
    }

    /** Reads the subscription's Server-Sent Events, noting when each event arrives. */
    private static void subscribe(String gateway, String token, BlockingQueue<Long> arrivals) {
        String query = "{\"query\":\"subscription { changes(filter: {subjectPrefix: \\\"organisations/boston-bc\\\", "
                + "types: [\\\"org.civicgraph.partners.organisation.updated.v1\\\"]}) { id } }\"}";
        try {
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:") && line.contains("\"changes\"")) {
                        arrivals.offer(System.nanoTime());
                    }
                }
            }
        } catch (Exception e) {
            if (!(e instanceof InterruptedException)) {
                System.out.println("  subscription ended: " + e.getMessage());
            }
        }
    }

    /** POSTs a GraphQL request to the endpoint; returns the body of a 200 answer. */
    static String post(String endpoint, String query, Map<String, Object> variables, String token) {
        try {
            String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String percentiles(Latencies latencies) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms", latencies.p50Millis(), latencies.p95Millis());
    }

    /** The same data as the gateway's views, from the services themselves: what a client without the gateway does. */
    private static final class Direct {

        private static final String AREA = """
                query($code: ID!) { area(code: $code) { code name type ancestors { code name type }
                  profile { benchmark method indicators { ...entry } positive { ...entry } negative { ...entry } } } }
                """ + ENTRY;
        private static final String CONTRACTS_IN_AREA = """
                query($code: ID!) { contractsServingArea(area: $code, first: 100) { edges { node { recordedFor inherited
                  contract { id ownerOrganisation service provider providerOrganisationId term reviewDate latestRating { label ratedOn } } } } } }""";

        private final LocalStack stack;
        private final ExecutorService pool = Executors.newCachedThreadPool();

        Direct(LocalStack stack) {
            this.stack = stack;
        }

        String areaProfile(String code) {
            CompletableFuture<String> area = ask(App.INDICATORS, AREA, Map.of("code", code));
            CompletableFuture<String> contracts = ask(App.CONTRACTS, CONTRACTS_IN_AREA, Map.of("code", code));
            List<String> lineage = new ArrayList<>(List.of(code));
            lineage.addAll(JsonPath.read(area.join(), "$.data.area.ancestors[*].code"));
            CompletableFuture<String> partners = ask(App.PARTNERS, covering(lineage, "organisations", "areaServed", "id name type website", 100), vars(lineage));
            CompletableFuture<String> plans = ask(App.PLANS, covering(lineage, "plans", "area", "id title ownerOrganisation kind period", 100), vars(lineage));
            CompletableFuture<String> activities = ask(App.PLANS, covering(lineage, "activities", "area",
                    "id planId reference description leadOrganisation partnerOrganisations history(first: 1) { edges { node { period status behindPlan } } }", 50),
                    vars(lineage));
            return contracts.join() + partners.join() + plans.join() + activities.join();
        }

        String organisation360(String id) {
            CompletableFuture<String> organisation = ask(App.PARTNERS, "query($id: ID!) { organisation(id: $id) { id name type website } }", Map.of("id", id));
            CompletableFuture<String> contracts = ask(App.CONTRACTS, """
                    query($id: ID!) {
                      asProvider: contracts(filter: {providerOrganisationId: $id}, first: 100) {
                        edges { node { id strategyId ownerOrganisation service provider valueAmount term reviewDate performance } } }
                      commissioned: commissioningStrategies(filter: {ownerOrganisation: $id}, first: 100) {
                        edges { node { id ownerOrganisation title stage commissionerStatus reportDate } } } }""", Map.of("id", id));
            CompletableFuture<String> activities = ask(App.PLANS, """
                    query($id: ID!) { activities(filter: {organisation: $id}, first: 100) {
                        edges { node { id planId reference description leadOrganisation partnerOrganisations } } } }""", Map.of("id", id));
            return organisation.join() + contracts.join() + activities.join();
        }

        private CompletableFuture<String> ask(App app, String query, Map<String, Object> variables) {
            return CompletableFuture.supplyAsync(() -> post(stack.serviceUrl(app), query, variables, null), pool);
        }

        private static String covering(List<String> lineage, String field, String filterArg, String selection, int pageSize) {
            StringBuilder document = new StringBuilder("query(");
            for (int i = 0; i < lineage.size(); i++) {
                document.append(i == 0 ? "" : ", ").append("$a").append(i).append(": String");
            }
            document.append(") {");
            for (int i = 0; i < lineage.size(); i++) {
                document.append(" a").append(i).append(": ").append(field).append("(filter: {").append(filterArg).append(": $a").append(i)
                        .append("}, first: ").append(pageSize).append(") { edges { node { ").append(selection).append(" } } }");
            }
            return document.append(" }").toString();
        }

        private static Map<String, Object> vars(List<String> lineage) {
            Map<String, Object> variables = new LinkedHashMap<>();
            for (int i = 0; i < lineage.size(); i++) {
                variables.put("a" + i, lineage.get(i));
            }
            return variables;
        }
    }
}
