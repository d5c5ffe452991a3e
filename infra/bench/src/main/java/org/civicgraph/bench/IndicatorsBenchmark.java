package org.civicgraph.bench;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.civicgraph.stack.App;
import org.civicgraph.stack.LocalStack;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * indicators-service at scale (issue 6): areas x indicators x periods of values (300 x 500 x 10, 1.5 million, at
 * full scale) imported through the service's CSV import endpoint, then the area profile and the red-red query timed.
 * <ul>
 * <li>Import throughput: values per second of the whole request (upload, check pass, apply pass); target 20,000/s.</li>
 * <li>p50/p95 of an area's profile (500 indicators) and of the red-red query across every area.</li>
 * <li>The profile of an area with 500 indicators against one with 50 (ten extra areas carry only the first 50
 * indicators): time ratio, target at most 12x, and database round trips per profile, which must not grow.</li>
 * </ul>
 * Areas and indicator definitions are written straight to the database (reference data, not what is measured);
 * the values go through the import endpoint. Arguments: {@code --scale F} multiplies the number of areas (0.1 gives
 * 30 areas, 150,000 values), or {@code --areas N --indicators N --periods N}; {@code --runs N} profile runs.
 */
public final class IndicatorsBenchmark implements Benchmark {

    private static final String OWNER = "bench-org";
    private static final String ENGLAND = "E92000001";
    private static final int SMALL_AREAS = 10;
    private static final int SMALL_INDICATORS = 50;
    private static final int FIRST_YEAR = 2013;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String PROFILE = """
            query($code: ID!) { area(code: $code) { code profile {
              indicators { indicator { id name } latest { value period { label } } comparison { outcome benchmarkValue }
                           trend { direction assessment significance } }
              positive { indicator { id } } negative { indicator { id } } } } }""";
    private static final String RED_RED = """
            { redRed(first: 50) { edges { node { area { code } entry { indicator { id } comparison { outcome } trend { assessment } } } }
              pageInfo { hasNextPage } } }""";

    @Override
    public String description() {
        return "indicators-service: CSV import throughput, area profile and red-red latency, profile cost at 500 vs 50 indicators";
    }

    @Override
    public void run(Path root, List<String> args) throws Exception {
        double scale = BenchArgs.doubleArg(args, "--scale", 1.0);
        int areas = BenchArgs.intArg(args, "--areas", Math.max(SMALL_AREAS, (int) Math.round(300 * scale)));
        int indicators = BenchArgs.intArg(args, "--indicators", 500);
        int periods = BenchArgs.intArg(args, "--periods", 10);
        int runs = BenchArgs.intArg(args, "--runs", 20);
        long values = (long) (areas + 1) * indicators * periods + (long) SMALL_AREAS * Math.min(SMALL_INDICATORS, indicators) * periods;
        System.out.printf(Locale.ROOT, "Indicators benchmark: %d areas (and England) x %d indicators x %d periods, plus %d areas x %d indicators: %,d values%n",
                areas, indicators, periods, SMALL_AREAS, Math.min(SMALL_INDICATORS, indicators), values);

        try (ServiceUnderTest service = ServiceUnderTest.start(App.INDICATORS, root)) {
            LocalStack stack = service.stack();
            String base = "http://127.0.0.1:" + stack.ports().of(App.INDICATORS);
            String token = stack.issuer().mint("bench@" + OWNER, OWNER, List.of("editor"), Duration.ofHours(2));

            writeReferenceData(service.database(), areas, indicators);
            Path file = Files.createTempFile("indicators-bench-", ".csv");
            try {
                long generated = writeCsv(file, areas, indicators, periods);
                System.out.printf(Locale.ROOT, "  generated %,d rows (%,d MB) in %s%n", generated, Files.size(file) >> 20, file);

                // Import: the whole request, as a user would wait for it
                long started = System.nanoTime();
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/indicators/values/import?format=tidy"))
                        .timeout(Duration.ofHours(1)).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
                double importSeconds = (System.nanoTime() - started) / 1e9;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Import failed: " + response.statusCode() + " " + response.body());
                }
                DocumentContext report = JsonPath.parse(response.body());
                long imported = ((Number) report.read("$.values")).longValue();
                double importRate = imported / importSeconds;
                System.out.printf(Locale.ROOT, "  imported %,d values in %.1f s (check %.1f s, apply %.1f s: %s)%n", imported, importSeconds,
                        ((Number) report.read("$.checkSeconds")).doubleValue(), ((Number) report.read("$.applySeconds")).doubleValue(),
                        report.read("$.applySteps").toString());

                // Area profiles: 500 indicators (the generated areas) and 50 (the small ones), alternating
                Random random = new Random(7);
                Latencies big = Latencies.measure(3, runs, () -> profile(service, areaCode(random.nextInt(areas)), indicators));
                Latencies small = Latencies.measure(3, runs, () -> profile(service, smallAreaCode(random.nextInt(SMALL_AREAS)),
                        Math.min(SMALL_INDICATORS, indicators)));
                long bigTrips = roundTrips(service, areaCode(0));
                long smallTrips = roundTrips(service, smallAreaCode(0));

                // Red-red across every area: as many runs as fit in about a minute, at least three
                long first = System.nanoTime();
                int findings = redRed(service);
                double firstSeconds = (System.nanoTime() - first) / 1e9;
                int redRedRuns = (int) Math.max(3, Math.min(runs, 60 / Math.max(firstSeconds, 0.01)));
                Latencies redRed = Latencies.measure(0, redRedRuns, () -> redRed(service));

                // What the outbox relay's poll reads now (its marks) against what it read before marks (every series)
                long polled = System.nanoTime();
                service.database().getCollection("outbox_marks").find().limit(100).into(new java.util.ArrayList<>());
                double marksMillis = (System.nanoTime() - polled) / 1e6;
                polled = System.nanoTime();
                service.database().getCollection("series").find(new Document("pendingEvents.0", new Document("$exists", true)))
                        .projection(new Document("_id", 1)).limit(100).first();
                double pollSeconds = (System.nanoTime() - polled) / 1e9;

                double ratio = big.p50Millis() / small.p50Millis();
                System.out.println();
                System.out.printf(Locale.ROOT, "| %-44s | %-46s | %-12s |%n", "Measure", "Figure", "Target");
                System.out.printf(Locale.ROOT, "|%s|%s|%s|%n", "-".repeat(46), "-".repeat(48), "-".repeat(14));
                row("Import, tidy CSV over HTTP (values/s)", String.format(Locale.ROOT, "%,.0f /s (%,d values in %.1f s)", importRate, imported, importSeconds),
                        ">= 20,000/s " + (importRate >= 20_000 ? "met" : "MISSED"));
                row("Import, service's own figure", String.format(Locale.ROOT, "%,d /s", ((Number) report.read("$.valuesPerSecond")).longValue()), "");
                row("Area profile, " + indicators + " indicators", percentiles(big), "");
                row("Area profile, " + Math.min(SMALL_INDICATORS, indicators) + " indicators", percentiles(small), "");
                row("Profile time " + indicators + " vs " + Math.min(SMALL_INDICATORS, indicators) + " indicators (p50)",
                        String.format(Locale.ROOT, "%.1fx", ratio), "<= 12x " + (ratio <= 12 ? "met" : "MISSED"));
                row("DB round trips per profile (" + indicators + " / " + Math.min(SMALL_INDICATORS, indicators) + ")",
                        bigTrips + " / " + smallTrips, "constant " + (bigTrips == smallTrips ? "met" : "MISSED"));
                row("Red-red across all " + (areas + SMALL_AREAS + 1) + "+ areas (first page)", percentiles(redRed) + ", " + findings + " found", "");
                row("Outbox relay poll: marks read / full scan", String.format(Locale.ROOT, "%.1f ms / %.1f s", marksMillis, pollSeconds), "");
                System.out.println();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Districts within counties of ten, the counties within England (which the demo data registers). */
    private static void writeReferenceData(MongoDatabase db, int areas, int indicators) {
        List<Document> docs = new ArrayList<>();
        int counties = (areas + SMALL_AREAS + 9) / 10;
        for (int c = 0; c < counties; c++) {
            docs.add(area(countyCode(c), "Bench county " + c, "COUNTY", ENGLAND));
        }
        for (int a = 0; a < areas; a++) {
            docs.add(area(areaCode(a), "Bench district " + a, "DISTRICT", countyCode(a / 10)));
        }
        for (int a = 0; a < SMALL_AREAS; a++) {
            docs.add(area(smallAreaCode(a), "Bench small district " + a, "DISTRICT", countyCode((areas + a) / 10)));
        }
        db.getCollection("areas").insertMany(docs);
        List<Document> definitions = new ArrayList<>();
        for (int i = 0; i < indicators; i++) {
            definitions.add(new Document("_id", indicatorId(i)).append("name", "Bench indicator " + i).append("unit", "PERCENTAGE")
                    .append("polarity", i % 3 == 0 ? "LOWER_IS_GOOD" : "HIGHER_IS_GOOD").append("source", "Generated by the benchmark")
                    .append("leverAreas", List.of()).append("ownerOrganisation", OWNER)
                    .append("version", 0L).append("pendingEvents", List.of()));
        }
        db.getCollection("indicators").insertMany(definitions);
    }

    private static Document area(String code, String name, String type, String parent) {
        return new Document("_id", code).append("name", name).append("type", type).append("parentCode", parent)
                .append("version", 0L).append("pendingEvents", List.of());
    }

    /**
     * One row per value, by indicator then area then year, as an export lists them: England and each area with a
     * level around 50 and a drift, 95% limits, count and denominator (so trends can be tested).
     */
    private static long writeCsv(Path file, int areas, int indicators, int periods) throws IOException {
        Random random = new Random(42);
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("indicator,area,period,value,lower95,upper95,lower998,upper998,count,denominator,note\n");
            for (int i = 0; i < indicators; i++) {
                double englandLevel = 30 + random.nextDouble() * 40;
                List<String> codes = new ArrayList<>();
                for (int a = 0; a < areas; a++) {
                    codes.add(areaCode(a));
                }
                if (i < SMALL_INDICATORS) {
                    for (int a = 0; a < SMALL_AREAS; a++) {
                        codes.add(smallAreaCode(a));
                    }
                }
                codes.add(ENGLAND);
                for (String code : codes) {
                    double level = code.equals(ENGLAND) ? englandLevel : englandLevel * (0.85 + random.nextDouble() * 0.3);
                    double drift = (random.nextDouble() - 0.5) * 2;
                    for (int p = 0; p < periods; p++) {
                        double value = Math.max(1, Math.min(99, level + drift * p + random.nextGaussian()));
                        long denominator = 2_000 + random.nextInt(8_000);
                        long count = Math.round(value / 100 * denominator);
                        double rate = 100.0 * count / denominator;
                        double half = 1.96 * Math.sqrt(rate * (100 - rate) / denominator);
                        out.write(indicatorId(i) + "," + code + "," + (FIRST_YEAR + p) + "," + round(rate) + "," + round(Math.max(0, rate - half))
                                + "," + round(Math.min(100, rate + half)) + ",,," + count + "," + denominator + ",\n");
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static Object profile(ServiceUnderTest service, String code, int expected) {
        DocumentContext answer = service.graphql(PROFILE, Map.of("code", code));
        List<Object> entries = answer.read("$.data.area.profile.indicators");
        if (entries.size() != expected) {
            throw new IllegalStateException("The profile of " + code + " has " + entries.size() + " indicators, not " + expected);
        }
        return entries;
    }

    private static int redRed(ServiceUnderTest service) {
        List<Object> edges = service.graphql(RED_RED, Map.of()).read("$.data.redRed.edges");
        return edges.size();
    }

    /**
     * Database commands of one profile, the fewest of five tries: the service's outbox relay also sends commands on
     * its own schedule, and a try it falls into counts them too.
     */
    private static long roundTrips(ServiceUnderTest service, String code) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = service.mongoCommands();
            service.graphql(PROFILE, Map.of("code", code));
            fewest = Math.min(fewest, service.mongoCommands() - before);
        }
        return fewest;
    }

    /** ServiceUnderTest keeps its stack to itself; the import needs the service's port and a token from the stack's issuer. */
    private static void row(String measure, String figure, String target) {
        System.out.printf(Locale.ROOT, "| %-44s | %-46s | %-12s |%n", measure, figure, target);
    }

    private static String percentiles(Latencies latencies) {
        return String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms", latencies.p50Millis(), latencies.p95Millis());
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String areaCode(int index) {
        return String.format(Locale.ROOT, "E07%06d", 100_000 + index);
    }

    private static String smallAreaCode(int index) {
        return String.format(Locale.ROOT, "E07%06d", 900_000 + index);
    }

    private static String countyCode(int index) {
        return String.format(Locale.ROOT, "E10%06d", 100_000 + index);
    }

    private static String indicatorId(int index) {
        return String.format(Locale.ROOT, "bench-indicator-%03d", index);
    }
}
