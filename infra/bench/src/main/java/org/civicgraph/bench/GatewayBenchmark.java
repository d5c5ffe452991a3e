package org.civicgraph.bench;

import com.jayway.jsonpath.JsonPath;
import org.civicgraph.stack.App;
import org.civicgraph.stack.JvmSettings;
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
import java.util.HashMap;
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
import java.util.stream.Stream;

/**
 * The gateway (issue 8) on the local stack with its demo data, side by side in one run:
 * <ul>
 * <li>Overhead: Boston's area profile and Lincolnshire County Council's organisation 360 through the gateway, against
 * the same data fetched by calling the services directly and in parallel, as a client without the gateway would
 * (the area's place first, then the services that need it): p50/p95 of single calls, and requests per second with
 * {@code --clients} concurrent callers for {@code --seconds}; target gateway p95 at most 1.3x direct. For the area
 * profile, also the gateway's own service calls sent at once by the client with the lineage known, which shows the
 * gateway's own latency.</li>
 * <li>Event latency: from a mutation's response (through the gateway) to the matching message of a subscription
 * (Server-Sent Events on the gateway), p50/p95 over {@code --events} events; target p95 under 100 ms.</li>
 * <li>Peers side by side: the same views through {@code @graphql-hive/gateway} and {@code @apollo/gateway} (from npm,
 * {@link PeerGateways}) over a supergraph composed from the same four services, as one query each; requests per
 * second and p50/p95 in the same run; target: CivicGraph serves at least as many requests per second as either, at a
 * lower p95. {@code --no-peers} leaves them out. The applications run with the local stack's JVM settings (C1 only);
 * {@code --as-deployed-jvm} runs them as the Kubernetes manifests do (full JIT).</li>
 * </ul>
 * Each view's single calls are interleaved call by call, one call per contender in turn, so that all of them see the
 * same machine, after each has served {@code --clients} concurrent callers for {@code --warm-up} seconds (default 10; 30
 * with the full JIT), so that every contender's compiler (the JVMs', V8's) has seen the work before it is timed, and
 * then all of them in turn until the applications' JVMs stop compiling (at most {@code --settle} seconds, 30; 60
 * with the full JIT). During the throughput
 * rounds the CPU time of the child processes is measured ({@link ProcessCpu}): each contender's own front process and
 * the four services, per request.
 */
public final class GatewayBenchmark implements Benchmark {

    /** HTTP/1.1 for every contender: the JDK client's default offers an h2c upgrade, which Hive Gateway's server does not answer. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOSTON = "E07000136";
    private static final String ORGANISATION = "lincolnshire-cc";
    /**
     * The gateway's own service calls for the area profile, sent at once by the client with the lineage known: the
     * gateway's latency without the gateway (for the overhead target, "Direct, in parallel" is the client as it
     * would be, which must ask indicators-service for the lineage first).
     */
    private static final String GATEWAYS_CALLS = "Direct, as gateway";
    private static final String ROW = "| %-20s | %-28s | %-14s | %-10s | %-13s | %-16s | %-40s |%n";

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

    /**
     * The area profile's data as one query of the composed supergraph. What differs from the gateway's view, because
     * of what the services' schemas offer: the area's lineage (Boston, Lincolnshire, East Midlands, England) is passed
     * in as variables, looked up once before the run, where CivicGraph and the direct client get it from
     * indicators-service; contracts come through the Area entity ({@code contractsServing}, which the planners fetch
     * from contracts-service after indicators-service has answered); the via/inherited marks and the latest status are left as the services
     * return them (the client would derive them).
     */
    private static final String PEER_AREA_PROFILE = """
            query($code: ID!, $a0: String, $a1: String, $a2: String, $a3: String) {
              area(code: $code) { code name type ancestors { code name type }
                profile { benchmark method indicators { ...entry } positive { ...entry } negative { ...entry } }
                contractsServing(first: 100) { edges { node { recordedFor inherited
                  contract { id ownerOrganisation service provider providerOrganisationId term reviewDate latestRating { label ratedOn } } } } } }
              p0: organisations(filter: {areaServed: $a0}, first: 100) { edges { node { ...partner } } }
              p1: organisations(filter: {areaServed: $a1}, first: 100) { edges { node { ...partner } } }
              p2: organisations(filter: {areaServed: $a2}, first: 100) { edges { node { ...partner } } }
              p3: organisations(filter: {areaServed: $a3}, first: 100) { edges { node { ...partner } } }
              l0: plans(filter: {area: $a0}, first: 50) { edges { node { ...plan } } }
              l1: plans(filter: {area: $a1}, first: 50) { edges { node { ...plan } } }
              l2: plans(filter: {area: $a2}, first: 50) { edges { node { ...plan } } }
              l3: plans(filter: {area: $a3}, first: 50) { edges { node { ...plan } } }
              v0: activities(filter: {area: $a0}, first: 50) { edges { node { ...activity } } }
              v1: activities(filter: {area: $a1}, first: 50) { edges { node { ...activity } } }
              v2: activities(filter: {area: $a2}, first: 50) { edges { node { ...activity } } }
              v3: activities(filter: {area: $a3}, first: 50) { edges { node { ...activity } } } }
            fragment partner on Organisation { id name type website }
            fragment plan on Plan { id title ownerOrganisation kind period }
            fragment activity on Activity { id planId reference description leadOrganisation partnerOrganisations
              history(first: 1) { edges { node { period status behindPlan } } } }
            """ + ENTRY;
    /** The organisation 360's data as one query of the composed supergraph: the same root fields the gateway asks. */
    private static final String PEER_ORGANISATION_360 = """
            query($id: ID!) { organisation(id: $id) { id name type website }
              asProvider: contracts(filter: {providerOrganisationId: $id}, first: 100) {
                edges { node { id strategyId ownerOrganisation service provider valueAmount term reviewDate performance } } }
              commissioned: commissioningStrategies(filter: {ownerOrganisation: $id}, first: 100) {
                edges { node { id ownerOrganisation title stage commissionerStatus reportDate } } }
              activities(filter: {organisation: $id}, first: 100) {
                edges { node { id planId reference description leadOrganisation partnerOrganisations } } } }""";

    @Override
    public String description() {
        return "gateway: area profile and organisation 360 through the gateway vs the services called directly in parallel vs Hive Gateway and Apollo Gateway; event latency";
    }

    @Override
    public void run(Path root, List<String> args) throws Exception {
        int runs = BenchArgs.intArg(args, "--runs", 200);
        int clients = BenchArgs.intArg(args, "--clients", 8);
        int seconds = BenchArgs.intArg(args, "--seconds", 20);
        int events = BenchArgs.intArg(args, "--events", 1000);
        boolean asDeployed = args.contains("--as-deployed-jvm");
        // The full JIT reaches its peak code only after thousands of requests: with 10 s of warm-up five JVMs were still
        // compiling with C2 on two cores during the timed calls (the gateway added 15 ms at p50 over its own service calls,
        // 9 ms after 30 s). Every contender gets the same warm-up, V8 included.
        int warmUp = BenchArgs.intArg(args, "--warm-up", asDeployed ? 30 : 10);
        // After 30 s of warm-up each, the services' JVMs still compiled for 19 s with C2 while the area profile's single
        // calls were timed (the gateway's for 3 s), on two cores: the timed calls then depended on what C2 happened to be
        // doing. Organisation 360 settled within 15 s in one run; the area profile had not after 180 s (C2 gets little of two
        // saturated cores), so waiting longer than a minute only makes the run longer.
        int settle = BenchArgs.intArg(args, "--settle", asDeployed ? 60 : 30);
        boolean peers = !args.contains("--no-peers");
        // The local stack's C1-only settings stay the default: they start quickly and need no long warm-up on two cores
        JvmSettings jvm = asDeployed ? JvmSettings.AS_DEPLOYED : JvmSettings.DEVELOPMENT;
        System.out.println("  applications' JVMs: " + jvm + " (--as-deployed-jvm for the Kubernetes manifests' settings, full JIT); warm-up "
                + warmUp + " s per contender (--warm-up), then all of them in turn until the JVMs stop compiling, at most " + settle + " s (--settle)");
        Path dataDir = Files.createTempDirectory("civicgraph-bench-gateway");
        try (LocalStack stack = new LocalStack(root, dataDir, StackPorts.free(), message -> System.out.println("  " + message)).withJvm(jvm)) {
            stack.start(Duration.ofMinutes(5), EnumSet.of(App.GATEWAY, App.PLANS, App.CONTRACTS, App.INDICATORS, App.PARTNERS));
            Direct direct = new Direct(stack);
            String gateway = stack.gatewayUrl();
            PeerGateways peerGateways = peers ? startPeers(root, stack) : null;
            try {
                List<String> lineage = lineage(stack, BOSTON);
                List<Contender> area = new ArrayList<>(List.of(
                        new Contender("CivicGraph gateway", ProcessCpu.GATEWAY, () -> post(gateway, AREA_PROFILE, Map.of("code", BOSTON), null)),
                        new Contender("Direct, in parallel", null, () -> direct.areaProfile(BOSTON)),
                        new Contender(GATEWAYS_CALLS, null, () -> direct.areaProfileAsTheGatewayAsks(BOSTON, lineage))));
                List<Contender> organisation = new ArrayList<>(List.of(
                        new Contender("CivicGraph gateway", ProcessCpu.GATEWAY, () -> post(gateway, ORGANISATION_360, Map.of("id", ORGANISATION), null)),
                        new Contender("Direct, in parallel", null, () -> direct.organisation360(ORGANISATION))));
                if (peerGateways != null) {
                    Map<String, Object> areaVariables = peerAreaVariables(BOSTON, lineage);
                    for (Peer peer : List.of(new Peer("Hive Gateway", ProcessCpu.HIVE, peerGateways.hiveUrl()),
                            new Peer("Apollo Gateway", ProcessCpu.APOLLO, peerGateways.apolloUrl()))) {
                        area.add(new Contender(peer.name(), peer.process(), () -> post(peer.url(), PEER_AREA_PROFILE, areaVariables, null)));
                        organisation.add(new Contender(peer.name(), peer.process(),
                                () -> post(peer.url(), PEER_ORGANISATION_360, Map.of("id", ORGANISATION), null)));
                    }
                }
                JvmWatch jvms = new JvmWatch(List.of(gateway), Stream.of(App.PLANS, App.CONTRACTS, App.INDICATORS, App.PARTNERS).map(stack::serviceUrl).toList());
                List<View> views = List.of(
                        compare("Area profile (Boston)", runs, clients, seconds, new WarmUp(warmUp, settle), area, GatewayBenchmark::areaRecords, jvms),
                        compare("Organisation 360 (" + ORGANISATION + ")", runs, clients, seconds, new WarmUp(warmUp, settle), organisation,
                                GatewayBenchmark::organisationRecords, jvms));
                print(views, clients, seconds, runs, warmUp);
            } finally {
                if (peerGateways != null) {
                    peerGateways.close();
                }
            }
            Latencies eventLatency = eventLatency(stack, events);
            System.out.printf(Locale.ROOT, "%nEvent latency, mutation response to subscription message (%d events, %d lost): %s (target p95 < 100 ms: %s)%n",
                    events, events - eventLatency.count(), percentiles(eventLatency), eventLatency.p95Millis() < 100 ? "met" : "MISSED");
        } finally {
            LocalStack.deleteRecursively(dataDir);
        }
    }

    private static PeerGateways startPeers(Path root, LocalStack stack) throws Exception {
        Map<String, String> subgraphs = new LinkedHashMap<>();
        for (App app : List.of(App.PLANS, App.CONTRACTS, App.INDICATORS, App.PARTNERS)) {
            subgraphs.put(app.module().replace("-service", ""), stack.serviceUrl(app));
        }
        PeerGateways peers = PeerGateways.start(root, subgraphs, Duration.ofMinutes(2));
        System.out.println("  peer gateways: Hive Gateway on " + peers.hiveUrl() + ", Apollo Gateway on " + peers.apolloUrl());
        peers.compositionNotes().lines().forEach(line -> System.out.println("  supergraph: " + line));
        return peers;
    }

    /** The area and its lineage, which the peers' one query takes as variables. */
    private static Map<String, Object> peerAreaVariables(String code, List<String> lineage) {
        if (lineage.size() > 4) {
            throw new IllegalStateException("The peers' query covers 4 areas; " + code + " has " + lineage.size());
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("code", code);
        variables.putAll(Direct.vars(lineage));
        return variables;
    }

    /** The area and the areas it lies in, nearest first, looked up once before the run. */
    private static List<String> lineage(LocalStack stack, String code) {
        String answer = post(stack.serviceUrl(App.INDICATORS), "query($code: ID!) { area(code: $code) { ancestors { code } } }", Map.of("code", code), null);
        List<String> lineage = new ArrayList<>(List.of(code));
        lineage.addAll(JsonPath.read(answer, "$.data.area.ancestors[*].code"));
        return lineage;
    }

    private static void print(List<View> views, int clients, int seconds, int runs, int warmUp) {
        for (View view : views) {
            Result gateway = view.results().get(0);
            Result direct = view.results().get(1);
            System.out.println();
            System.out.println(view.name());
            System.out.printf(Locale.ROOT, ROW, "Contender", "Single calls", "p95 vs direct", "Throughput", "front CPU/req", "services CPU/req",
                    "Records in one answer");
            System.out.printf("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(22), "-".repeat(30), "-".repeat(16), "-".repeat(12), "-".repeat(15),
                    "-".repeat(18), "-".repeat(42));
            for (Result result : view.results()) {
                System.out.printf(Locale.ROOT, ROW, result.name(), percentiles(result.latencies()),
                        String.format(Locale.ROOT, "%.2fx", result.latencies().p95Millis() / direct.latencies().p95Millis()),
                        String.format(Locale.ROOT, "%.1f/s", result.rate()), result.cpu().front(), millis(result.cpu().servicesMillis()),
                        result.records());
            }
            System.out.println("CPU per request over the throughput rounds: front = the contender's own process (the gateway's JVM, Hive's or "
                    + "Apollo's node process; none for Direct, which combines in the benchmark JVM), services = the four services' JVMs. "
                    + "The embedded MongoDB runs inside the benchmark JVM, so its CPU is in neither.");
            System.out.println("Before the timed calls: " + view.settled() + ". While the single calls were timed: " + view.singleCallsJvms());
            double overhead = gateway.latencies().p95Millis() / direct.latencies().p95Millis();
            System.out.printf(Locale.ROOT, "Overhead: gateway p95 %.2fx direct (target at most 1.3x): %s%n", overhead, overhead <= 1.3 ? "met" : "MISSED");
            view.results().stream().filter(result -> result.name().equals(GATEWAYS_CALLS)).findFirst().ifPresent(calls ->
                    System.out.printf(Locale.ROOT, "The gateway's own latency, against its service calls sent at once by the client: p50 +%.1f ms, p95 +%.1f ms%n",
                            gateway.latencies().p50Millis() - calls.latencies().p50Millis(), gateway.latencies().p95Millis() - calls.latencies().p95Millis()));
            for (Result peer : view.results().stream().filter(Result::isPeer).toList()) {
                boolean faster = gateway.rate() >= peer.rate();
                boolean lower = gateway.latencies().p95Millis() < peer.latencies().p95Millis();
                System.out.printf(Locale.ROOT, "Against %s: %.1f vs %.1f requests/s (%.2fx), p95 %.1f vs %.1f ms (target: at least as many, lower p95): %s%n",
                        peer.name(), gateway.rate(), peer.rate(), gateway.rate() / peer.rate(), gateway.latencies().p95Millis(),
                        peer.latencies().p95Millis(), faster && lower ? "met" : "MISSED");
                System.out.printf(Locale.ROOT, "CPU per request (front + services) against %s: %s vs %s (%.2fx)%n", peer.name(),
                        millis(gateway.cpu().totalMillis()), millis(peer.cpu().totalMillis()), gateway.cpu().totalMillis() / peer.cpu().totalMillis());
            }
        }
        System.out.printf(Locale.ROOT, "%nThroughput with %d concurrent clients, %d s each (in %d alternating rounds); %d single calls each for the percentiles, interleaved call by call; each contender warmed up with %d s of the same load first.%n",
                clients, seconds, 2, runs, warmUp);
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    /** @param process the {@link ProcessCpu} group of the contender's own front process; null when it has none */
    private record Contender(String name, String process, Supplier<String> call) {
    }

    private record Peer(String name, String process, String url) {
    }

    /** @param process as {@link Contender#process} */
    private record Result(String name, String process, Latencies latencies, double rate, String records, CpuPerRequest cpu) {

        boolean isPeer() {
            return ProcessCpu.HIVE.equals(process) || ProcessCpu.APOLLO.equals(process);
        }
    }

    /** Milliseconds of CPU per request: the contender's own front process (NaN when it has none) and the four services. */
    private record CpuPerRequest(double frontMillis, double servicesMillis) {

        static CpuPerRequest of(Map<String, Duration> cpu, String front, double requests) {
            double frontMillis = front == null ? Double.NaN : totalMillis(cpu, front) / requests;
            return new CpuPerRequest(frontMillis, totalMillis(cpu, ProcessCpu.SERVICES) / requests);
        }

        private static double totalMillis(Map<String, Duration> cpu, String group) {
            return cpu.getOrDefault(group, Duration.ZERO).toNanos() / 1e6;
        }

        double totalMillis() {
            return (Double.isNaN(frontMillis) ? 0 : frontMillis) + servicesMillis;
        }

        String front() {
            return Double.isNaN(frontMillis) ? "-" : millis(frontMillis);
        }
    }

    /**
     * @param settled         how the JIT settled before the timed calls
     * @param singleCallsJvms what the applications' JVMs compiled and collected while the single calls were timed
     */
    private record View(String name, List<Result> results, String settled, String singleCallsJvms) {
    }

    /** The GraphQL endpoints of the gateway's JVM and of the services' JVMs, whose {@link JvmActivity} a view reports. */
    private record JvmWatch(List<String> gateway, List<String> services) {

        JvmGroups now() {
            return new JvmGroups(JvmActivity.of(gateway), JvmActivity.of(services));
        }
    }

    /** A {@link JvmActivity} of the gateway's JVM and one of the four services' JVMs. */
    private record JvmGroups(JvmActivity gateway, JvmActivity services) {

        JvmGroups since(JvmGroups before) {
            return new JvmGroups(gateway.since(before.gateway), services.since(before.services));
        }

        double compilingMillis() {
            return gateway.compilingMillis() + services.compilingMillis();
        }

        @Override
        public String toString() {
            return "the gateway's JVM " + gateway + "; the four services' JVMs " + services;
        }
    }

    /**
     * @param seconds       each contender's own warm-up
     * @param settleSeconds the longest the JVMs may take to stop compiling after the warm-ups
     */
    private record WarmUp(int seconds, int settleSeconds) {
    }

    /** Every contender: single calls interleaved call by call, then alternating rounds of concurrent load, with their CPU time. */
    private static View compare(String name, int runs, int clients, int seconds, WarmUp warmUp, List<Contender> contenders,
                                java.util.function.Function<String, String> records, JvmWatch jvms) throws Exception {
        List<String> counted = new ArrayList<>();
        for (Contender contender : contenders) {
            String sample = contender.call().get();
            if (sample.contains("\"errors\"")) {
                throw new IllegalStateException(name + " through " + contender.name() + " answered with errors: " + sample);
            }
            counted.add(contender.name().startsWith("Direct") ? "(several answers)" : records.apply(sample));
            Latencies.measure(20, 0, contender.call());
            if (warmUp.seconds() > 0) {
                throughput(clients, warmUp.seconds(), contender.call());
            }
        }
        String settled = settle(clients, warmUp.settleSeconds(), contenders, jvms);
        JvmGroups beforeSingleCalls = jvms.now();
        List<Latencies> latencies = interleavedSingleCalls(runs, contenders);
        String singleCallsJvms = jvms.now().since(beforeSingleCalls).toString();
        double[] calls = new double[contenders.size()];
        List<Map<String, Duration>> cpu = contenders.stream().<Map<String, Duration>>map(contender -> new HashMap<>()).toList();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < contenders.size(); i++) {
                ProcessCpu before = ProcessCpu.now();
                calls[i] += throughput(clients, seconds / 2.0, contenders.get(i).call());
                Map<String, Duration> total = cpu.get(i);
                ProcessCpu.now().since(before).forEach((group, time) -> total.merge(group, time, Duration::plus));
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < contenders.size(); i++) {
            Contender contender = contenders.get(i);
            results.add(new Result(contender.name(), contender.process(), latencies.get(i), calls[i] / seconds, counted.get(i),
                    CpuPerRequest.of(cpu.get(i), contender.process(), calls[i])));
        }
        return new View(name, results, settled, singleCallsJvms);
    }

    /**
     * Every contender's load in turn, 5 s at a time, until a window in which the gateway's and the services' JVMs
     * together compiled for less than 2% of it, or {@code maxSeconds} have passed.
     */
    private static String settle(int clients, int maxSeconds, List<Contender> contenders, JvmWatch jvms) throws InterruptedException {
        double window = 5;
        double quietMillis = window * 1000 * 0.02;
        long start = System.nanoTime();
        AtomicLong turn = new AtomicLong();
        Supplier<String> inTurn = () -> contenders.get((int) (turn.getAndIncrement() % contenders.size())).call().get();
        JvmGroups last = null;
        while ((System.nanoTime() - start) / 1e9 < maxSeconds && (last == null || last.compilingMillis() >= quietMillis)) {
            JvmGroups before = jvms.now();
            throughput(clients, window, inTurn);
            last = jvms.now().since(before);
        }
        if (last == null) {
            return "no settling phase (--settle 0)";
        }
        return String.format(Locale.ROOT, "the JIT %s after %.0f s more of every contender's load in turn (in the last %.0f s the gateway's JVM compiled for %.0f ms, the services' for %.0f ms)",
                last.compilingMillis() < quietMillis ? "settled" : "had not settled", (System.nanoTime() - start) / 1e9, window,
                last.gateway().compilingMillis(), last.services().compilingMillis());
    }

    /**
     * {@code runs} single calls of each contender, one call per contender in turn, so that every contender sees the same
     * moments of the machine; each turn starts one contender further on, so that no contender always follows another.
     */
    private static List<Latencies> interleavedSingleCalls(int runs, List<Contender> contenders) {
        List<Latencies> latencies = contenders.stream().map(contender -> new Latencies()).toList();
        for (int round = 0; round < runs; round++) {
            for (int turn = 0; turn < contenders.size(); turn++) {
                int i = (round + turn) % contenders.size();
                long start = System.nanoTime();
                contenders.get(i).call().get();
                latencies.get(i).add(System.nanoTime() - start);
            }
        }
        return latencies;
    }

    /** What one answer holds, so that the contenders can be seen to fetch the same data. */
    private static String areaRecords(String answer) {
        com.jayway.jsonpath.DocumentContext json = JsonPath.parse(answer);
        if (answer.contains("\"areaProfile\"")) {
            return String.format(Locale.ROOT, "%d indicators, %d activities, %d contracts, %d partners, %d plans",
                    size(json, "$.data.areaProfile.indicators.indicators"), size(json, "$.data.areaProfile.activities"),
                    size(json, "$.data.areaProfile.contracts"), size(json, "$.data.areaProfile.partners"), size(json, "$.data.areaProfile.plans"));
        }
        return String.format(Locale.ROOT, "%d indicators, %d activities, %d contracts, %d partners, %d plans",
                size(json, "$.data.area.profile.indicators"), sizes(json, "v"), size(json, "$.data.area.contractsServing.edges"),
                sizes(json, "p"), sizes(json, "l"));
    }

    private static String organisationRecords(String answer) {
        com.jayway.jsonpath.DocumentContext json = JsonPath.parse(answer);
        boolean view = answer.contains("\"organisation360\"");
        return String.format(Locale.ROOT, "%d contracts, %d strategies, %d activities",
                size(json, view ? "$.data.organisation360.contractsAsProvider" : "$.data.asProvider.edges"),
                size(json, view ? "$.data.organisation360.strategiesCommissioned" : "$.data.commissioned.edges"),
                size(json, view ? "$.data.organisation360.activities" : "$.data.activities.edges"));
    }

    private static int size(com.jayway.jsonpath.DocumentContext json, String path) {
        List<?> list = json.read(path);
        return list == null ? 0 : list.size();
    }

    /** The edges of the aliased lists {@code <prefix>0} to {@code <prefix>3}, added up. */
    private static int sizes(com.jayway.jsonpath.DocumentContext json, String prefix) {
        int total = 0;
        for (int i = 0; i < 4; i++) {
            total += size(json, "$.data." + prefix + i + ".edges");
        }
        return total;
    }

    /** How many calls {@code clients} concurrent callers complete in the given time. */
    private static double throughput(int clients, double seconds, Supplier<?> call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    call.get();
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination((long) seconds + 60L, TimeUnit.SECONDS);
        return done.get();
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

        private static final String ACTIVITY_WITH_LATEST =
                "id planId reference description leadOrganisation partnerOrganisations history(first: 1) { edges { node { period status behindPlan } } }";

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
            CompletableFuture<String> activities = ask(App.PLANS, covering(lineage, "activities", "area", ACTIVITY_WITH_LATEST, 50), vars(lineage));
            return contracts.join() + partners.join() + plans.join() + activities.join();
        }

        /** The requests the gateway sends for the area profile, all at once: plans and activities in one plans-service request. */
        String areaProfileAsTheGatewayAsks(String code, List<String> lineage) {
            CompletableFuture<String> area = ask(App.INDICATORS, AREA, Map.of("code", code));
            CompletableFuture<String> contracts = ask(App.CONTRACTS, CONTRACTS_IN_AREA, Map.of("code", code));
            CompletableFuture<String> partners = ask(App.PARTNERS, covering(lineage, "organisations", "areaServed", "id name type website", 100), vars(lineage));
            CompletableFuture<String> plansAndActivities = ask(App.PLANS, covering(lineage, List.of(
                    new Covered("plans", "area", "id title ownerOrganisation kind period", 50),
                    new Covered("activities", "area", ACTIVITY_WITH_LATEST, 50))), vars(lineage));
            return area.join() + contracts.join() + partners.join() + plansAndActivities.join();
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

        /** A list field of a service asked for each area of the lineage, filtered to that area. */
        private record Covered(String field, String filterArg, String selection, int pageSize) {
        }

        private static String covering(List<String> lineage, String field, String filterArg, String selection, int pageSize) {
            return covering(lineage, List.of(new Covered(field, filterArg, selection, pageSize)));
        }

        /** One document asking for each kind over each area of the lineage, one alias each. */
        private static String covering(List<String> lineage, List<Covered> kinds) {
            StringBuilder document = new StringBuilder("query(");
            for (int i = 0; i < lineage.size(); i++) {
                document.append(i == 0 ? "" : ", ").append("$a").append(i).append(": String");
            }
            document.append(") {");
            for (int k = 0; k < kinds.size(); k++) {
                Covered kind = kinds.get(k);
                for (int i = 0; i < lineage.size(); i++) {
                    document.append(" k").append(k).append("a").append(i).append(": ").append(kind.field()).append("(filter: {")
                            .append(kind.filterArg()).append(": $a").append(i).append("}, first: ").append(kind.pageSize())
                            .append(") { edges { node { ").append(kind.selection()).append(" } } }");
                }
            }
            return document.append(" }").toString();
        }

        static Map<String, Object> vars(List<String> lineage) {
            Map<String, Object> variables = new LinkedHashMap<>();
            for (int i = 0; i < lineage.size(); i++) {
                variables.put("a" + i, lineage.get(i));
            }
            return variables;
        }
    }
}
