package org.civicgraph.bench;

import com.jayway.jsonpath.DocumentContext;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.civicgraph.stack.App;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * {@code infra/bench/run contracts [SMALL LARGE]}: contracts-service with 5,000 and then 50,000 generated key contracts
 * (besides the demo data), written straight into its {@code contracts} collection in the shape the service stores
 * (Spring Data's mapping of {@code Contract}: dates as dates at the start of the day, amounts as Decimal128, enums by
 * name). Measured through GraphQL, as a client sees it: the decisions calendar for the next 90 days and the contracts of
 * one provider, a page of each (50 and 20 entries, the same at both sizes). Prints p50/p95, how much slower the larger
 * size is (target at most 12x for 10x the contracts), and how many MongoDB commands one query sends (which must not
 * grow with the contracts).
 * <p>
 * The generated contracts are written around the service, so each time the benchmark deletes the marker of the
 * service's lookup collection and waits for the service to rebuild it, as the service documents for such data.
 * Generated dates all lie ahead (reviews after tomorrow, period ends outside the notice window around today), so the
 * service's own look for due occasions, which runs a minute after start, finds nothing to announce and writes nothing
 * while the figures are taken.
 */
public final class ContractsBenchmark implements Benchmark {

    private static final int CALENDAR_PAGE = 50;
    private static final int PROVIDER_PAGE = 20;
    private static final int PROVIDERS = 250;
    private static final int STRATEGIES = 40;
    private static final int NOTICE_DAYS = 180;
    private static final String CALENDAR = """
            query($from: String!, $first: Int!) { decisionsCalendar(days: 90, from: $from, first: $first) {
              edges { node { kind dueDate option overdue contract { id service provider valueAmount } } } pageInfo { hasNextPage } } }""";
    private static final String BY_PROVIDER = """
            query($provider: ID!, $first: Int!) { contracts(filter: {providerOrganisationId: $provider}, first: $first) {
              edges { node { id service provider valueAmount period { endDate } } } pageInfo { hasNextPage } } }""";

    @Override
    public String description() {
        return "contracts-service: decisions calendar (90 days) and contracts by provider at 5,000 and 50,000 contracts";
    }

    @Override
    public void run(Path root, List<String> args) throws Exception {
        int small = args.size() > 0 ? Integer.parseInt(args.get(0)) : 5_000;
        int large = args.size() > 1 ? Integer.parseInt(args.get(1)) : 50_000;
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        System.out.println("Starting contracts-service with the embedded MongoDB server (H2 backend) and Kafka ...");
        try (ServiceUnderTest service = ServiceUnderTest.start(App.CONTRACTS, root)) {
            MongoCollection<Document> contracts = service.database().getCollection("contracts");
            long demo = contracts.countDocuments();
            List<Row> rows = new ArrayList<>();

            generate(contracts, 0, small, today);
            rebuildLookup(service, today);
            check(service, today);
            rows.addAll(measure(service, small, today, 5, 40));

            generate(contracts, small, large, today);
            rebuildLookup(service, today);
            rows.addAll(measure(service, large, today, 5, 40));

            print(rows, small, large, demo, today);
        }
    }

    private static void generate(MongoCollection<Document> contracts, int from, int to, LocalDate today) {
        long start = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(contract(i, today));
            if (batch.size() == 1_000) {
                contracts.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            contracts.insertMany(batch);
        }
        System.out.printf(Locale.ROOT, "  generated contracts %,d to %,d in %.1f s%n", from + 1, to, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Contracts written around the service are not in its lookup collection (contract_lookup) until it is rebuilt: as
     * the service documents for restores and generated data, delete its completeness marker; the next read answers
     * with the indexed queries and starts the rebuild, which writes the marker again when done.
     */
    private static void rebuildLookup(ServiceUnderTest service, LocalDate today) throws InterruptedException {
        long start = System.nanoTime();
        MongoCollection<Document> lookup = service.database().getCollection("contract_lookup");
        lookup.deleteOne(new Document("_id", "#complete"));
        service.graphql(CALENDAR, Map.of("from", today.toString(), "first", 1));
        while (lookup.find(new Document("_id", "#complete")).first() == null) {
            if (System.nanoTime() - start > 600e9) {
                throw new IllegalStateException("The service did not rebuild its contract lookup within 10 minutes");
            }
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "  the service rebuilt its contract lookup in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Contract number i, the same on every run: a fixed seed per contract. */
    static Document contract(int i, LocalDate today) {
        Random random = new Random(i * 7919L + 17);
        String id = String.format(Locale.ROOT, "bench-%06d", i);
        String provider = String.format(Locale.ROOT, "bench-provider-%03d", i % PROVIDERS);
        boolean withOptions = random.nextInt(5) > 0;
        // The current period ends from tomorrow to ten years ahead, but never so that its notice period starts
        // within a few days of today (the service's first look for due occasions covers the last week).
        LocalDate end = today.plusDays(1 + random.nextInt(3650));
        if (!end.isBefore(today.plusDays(NOTICE_DAYS - 10)) && !end.isAfter(today.plusDays(NOTICE_DAYS + 2))) {
            end = end.plusDays(20);
        }
        LocalDate start = end.minusYears(3).plusDays(1);
        List<Document> options = new ArrayList<>();
        LocalDate extent = end;
        for (int n = 1; withOptions && n <= 2; n++) {
            LocalDate optionStart = extent.plusDays(1);
            extent = optionStart.plusYears(1).minusDays(1);
            options.add(new Document("number", n).append("months", 12).append("startDate", date(optionStart))
                    .append("endDate", date(extent)).append("state", "AVAILABLE"));
        }
        Document term = new Document("asWritten", withOptions ? "3 + 1 + 1 years" : "Three years")
                .append("kind", "FIXED").append("baseMonths", 36).append("baseEndDate", date(end))
                .append("extensionOptions", options).append("startDate", date(start)).append("endDate", date(end))
                .append("maxExtentDate", date(extent));
        LocalDate reviewDue = today.plusDays(2 + random.nextInt(3650));
        Document review = new Document("asWritten", reviewDue.toString()).append("dueDate", date(reviewDue))
                .append("precision", "DAY").append("recurrence", "ONCE").append("decides", withOptions ? "EXTENSION" : "RETENDER");
        BigDecimal value = BigDecimal.valueOf(1_000_000L + random.nextInt(9_000_000)).setScale(2);
        boolean underTheAct = random.nextInt(10) == 0;
        LocalDate ratedOn = today.minusDays(random.nextInt(300));
        Document document = new Document("_id", id)
                .append("version", 0L)
                .append("pendingEvents", List.of())
                .append("strategyId", String.format(Locale.ROOT, "bench-strategy-%02d", i % STRATEGIES))
                .append("ownerOrganisation", i % 4 == 0 ? "lincolnshire-cc" : "bench-council-" + (i % 4))
                .append("position", i / STRATEGIES + 1)
                .append("service", "Generated service " + i)
                .append("providerName", "Provider " + (i % PROVIDERS))
                .append("providerOrganisationIds", List.of(provider))
                .append("providerResolution", "RESOLVED")
                .append("value", new Decimal128(value))
                .append("term", term)
                .append("review", review)
                .append("kpis", true)
                .append("kpiCount", 3)
                .append("ratings", List.of(new Document("scale", underTheAct ? "PROCUREMENT_ACT_2023" : "LEGACY")
                        .append("rating", "GOOD").append("ratedOn", date(ratedOn)).append("recordedBy", "bench")))
                .append("paymentTerms", new Document("timing", "ARREARS").append("frequency", "MONTHLY").append("asWritten", "Monthly in arrears"))
                .append("performanceDriven", true)
                .append("volumeSensitive", false)
                .append("politicallySensitive", false)
                .append("areas", List.of("E10000019"))
                .append("procuredUnderProcurementAct2023", underTheAct)
                .append("amendments", List.of())
                .append("revision", 1)
                .append("lastChangedAt", Date.from(Instant.now()))
                .append("firedOccasions", List.of())
                .append("_class", "org.civicgraph.contracts.contract.Contract");
        if (underTheAct && value.compareTo(new BigDecimal("5000000")) > 0) {
            document.append("ratingDueDate", date(ratedOn.plusMonths(12)));
        }
        return document;
    }

    /** As Spring Data stores a LocalDate: a date at the start of that day in the service's time zone (the same machine's). */
    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** The service reads a generated contract as the generator meant it, or the figures would measure nothing. */
    private static void check(ServiceUnderTest service, LocalDate today) {
        Document expected = contract(0, today);
        DocumentContext answer = service.graphql("query($id: ID!) { contract(id: $id) { id valueAmount period { endDate extensionOptions { number } } } }",
                Map.of("id", "bench-000000"));
        String endDate = answer.read("$.data.contract.period.endDate");
        String wanted = ((Date) expected.get("term", Document.class).get("endDate")).toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString();
        if (!wanted.equals(endDate)) {
            throw new IllegalStateException("The service reads bench-000000's end as " + endDate + ", not " + wanted + ": " + answer.jsonString());
        }
    }

    private static List<Row> measure(ServiceUnderTest service, int contracts, LocalDate today, int warmUp, int runs) {
        System.out.printf(Locale.ROOT, "  measuring at %,d generated contracts ...%n", contracts);
        Map<String, Object> calendarVariables = Map.of("from", today.toString(), "first", CALENDAR_PAGE);
        Map<String, Object> providerVariables = Map.of("provider", "bench-provider-007", "first", PROVIDER_PAGE);
        Supplier<DocumentContext> calendar = () -> service.graphql(CALENDAR, calendarVariables);
        Supplier<DocumentContext> byProvider = () -> service.graphql(BY_PROVIDER, providerVariables);
        int calendarEntries = calendar.get().<List<Object>>read("$.data.decisionsCalendar.edges").size();
        int providerEntries = byProvider.get().<List<Object>>read("$.data.contracts.edges").size();
        return List.of(
                new Row("decisionsCalendar, next 90 days", contracts, calendarEntries, Latencies.measure(warmUp, runs, calendar),
                        commands(service, calendar)),
                new Row("contracts of one provider", contracts, providerEntries, Latencies.measure(warmUp, runs, byProvider),
                        commands(service, byProvider)));
    }

    /**
     * Commands the service sends MongoDB for one query: the fewest seen over ten single calls, since the outbox relay's
     * poll (one command per aggregate collection, every 30 s in this service) may fall into any one call; the median is
     * printed too.
     */
    private static int[] commands(ServiceUnderTest service, Supplier<DocumentContext> call) {
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long before = service.mongoCommands();
            call.get();
            counts.add(service.mongoCommands() - before);
        }
        List<Long> sorted = counts.stream().sorted().toList();
        return new int[]{sorted.get(0).intValue(), sorted.get(sorted.size() / 2).intValue()};
    }

    private static void print(List<Row> rows, int small, int large, long demo, LocalDate today) {
        System.out.println();
        System.out.printf(Locale.ROOT, "contracts benchmark: contracts-service as its own process, embedded MongoDB wire server (H2 backend), %s%n", today);
        System.out.printf(Locale.ROOT, "(%,d demo contracts besides the generated ones; %d providers, so one provider has 1 in %d of them)%n",
                demo, PROVIDERS, PROVIDERS);
        System.out.printf(Locale.ROOT, "%-34s %10s %8s %9s %9s %22s%n", "query", "contracts", "entries", "p50 ms", "p95 ms", "db commands/query");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-34s %,10d %8d %9.1f %9.1f %13d (median %d)%n", row.query(), row.contracts(), row.entries(),
                    row.latencies().p50Millis(), row.latencies().p95Millis(), row.commands()[0], row.commands()[1]);
        }
        System.out.println();
        for (String query : rows.stream().map(Row::query).distinct().toList()) {
            Row smaller = rows.stream().filter(row -> row.query().equals(query) && row.contracts() == small).findFirst().orElseThrow();
            Row larger = rows.stream().filter(row -> row.query().equals(query) && row.contracts() == large).findFirst().orElseThrow();
            double ratio = larger.latencies().p50Millis() / smaller.latencies().p50Millis();
            double ratio95 = larger.latencies().p95Millis() / smaller.latencies().p95Millis();
            boolean constant = larger.commands()[0] == smaller.commands()[0];
            System.out.printf(Locale.ROOT, "%-34s %,d vs %,d: p50 %.1fx, p95 %.1fx (target at most 12x: %s); db commands %d -> %d (%s)%n",
                    query, large, small, ratio, ratio95, ratio <= 12 ? "met" : "NOT MET", smaller.commands()[0], larger.commands()[0],
                    constant ? "constant" : "NOT CONSTANT");
        }
    }

    private record Row(String query, int contracts, int entries, Latencies latencies, int[] commands) {
    }
}
