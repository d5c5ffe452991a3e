package org.civicgraph.bench;

import com.jayway.jsonpath.DocumentContext;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.civicgraph.stack.App;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * plans-service: the exception report and the RAG roll-up for one period, through GraphQL, for a plan of 1,000 and a
 * plan of 10,000 activities, each activity with two milestones and eight quarters of updates (some corrected, some
 * quarters not reported), against the service running as a real process on the embedded store.
 * <p>
 * The plans, activities and updates are written straight into the service's collections in the shape the service
 * writes: every generated document is checked field by field (names and BSON types, nested documents included)
 * against one the service wrote itself from its demo data. Before timing, both reports are checked to count exactly
 * what the generator put in (statuses per plan, theme and objective; behind plan, overdue milestones, not reported).
 * <p>
 * The 1,000-activity plan is measured twice: alone in the store, then again beside the 10,000-activity plan and a plan
 * with no activities, the three measured call after call so that they meet the same conditions on a shared machine.
 * The empty plan's time is what a report costs in that store whatever its plan (on the embedded server, which keeps
 * no secondary indexes, selecting a plan's documents walks the keys of the whole collection); the time above it is
 * what grows with the plan, and its ratio is the one the target is about. Database round trips are the service's own
 * MongoDB command count around single calls, the fewest and the median of several.
 * <p>
 * The outbox relay's idle polling is slowed to every ten minutes for the service under test (it inherits the variable
 * from this benchmark, which starts itself again with it set): as deployed it reads its marks once a second, one
 * MongoDB command, which lands inside a report that takes seconds and would be counted as the report's round trip.
 * The generated documents have no pending events and a write through the service still wakes the relay at once, so
 * only the idle poll is left out. {@code --relay-as-deployed} measures with it.
 * <p>
 * Arguments: optional sizes, such as {@code 200,2000} for a quick run (default {@code 1000,10000}), then runs per
 * figure (default 20); {@code --relay-as-deployed} anywhere.
 */
public final class PlansBenchmark implements Benchmark {

    static final String PERIOD = "2021/22 Q4";
    private static final LocalDate PERIOD_END = LocalDate.of(2022, 3, 31);
    private static final String OWNER = "bench-borough-council";
    private static final String[] QUARTERS = {"2020/21 Q1", "2020/21 Q2", "2020/21 Q3", "2020/21 Q4",
            "2021/22 Q1", "2021/22 Q2", "2021/22 Q3", "2021/22 Q4"};
    private static final String[] STATUSES = {"Green", "Amber", "Red"};
    private static final int THEMES = 10;
    private static final int OBJECTIVES_PER_THEME = 5;
    private static final String EXCEPTIONS = """
            query($plan: ID!, $period: String!) { exceptionReport(planId: $plan, period: $period) {
              counts { behindPlan overdueMilestones notReported missingExplanations }
              behindPlan(first: 20) { edges { node { activity { id reference description leadOrganisation } update { status explanation revision } } } }
              overdueMilestones(first: 20) { edges { node { activity { reference } milestone { id text dueDate status } } } }
              notReported(first: 20) { edges { node { id reference } } }
              missingExplanations(first: 20) { edges { node { activity { reference } } } } } }""";
    private static final String ROLL_UP = """
            query($plan: ID!, $period: String!) { ragSummary(planId: $plan, period: $period) {
              counts { activities reported notReported statuses { label count } }
              themes { theme { key } counts { activities notReported statuses { label count } }
                objectives { objective { key } counts { activities notReported statuses { label count } } } } } }""";
    private static final long SEED = 20220331L;
    /** {@code civicgraph.events.relay-interval} as an environment variable, which the service's process inherits. */
    private static final String RELAY_INTERVAL = "CIVICGRAPH_EVENTS_RELAYINTERVAL";
    private static final String AS_DEPLOYED = "--relay-as-deployed";

    @Override
    public String description() {
        return "plans-service: exception report and RAG roll-up for plans of 1,000 and 10,000 activities with 8 quarters of updates";
    }

    @Override
    public void run(Path root, List<String> allArgs) throws Exception {
        boolean asDeployed = allArgs.contains(AS_DEPLOYED);
        if (!asDeployed && System.getenv(RELAY_INTERVAL) == null) {
            runAgainWithQuietRelay(root, allArgs);
            return;
        }
        List<String> args = allArgs.stream().filter(arg -> !arg.equals(AS_DEPLOYED)).toList();
        List<Integer> sizes = args.isEmpty() ? List.of(1_000, 10_000)
                : Arrays.stream(args.get(0).split(",")).map(String::strip).map(Integer::parseInt).toList();
        int runs = args.size() > 1 ? Integer.parseInt(args.get(1)) : 20;
        System.out.println(asDeployed ? "Outbox relay as deployed: idle polling every second"
                : "Outbox relay's idle polling every " + System.getenv(RELAY_INTERVAL) + " for the service under test (" + RELAY_INTERVAL + ")");
        if (sizes.size() != 2) {
            throw new IllegalArgumentException("Give two sizes, such as 1000,10000");
        }
        System.out.println("Starting plans-service on the embedded store...");
        try (ServiceUnderTest service = ServiceUnderTest.start(App.PLANS, root)) {
            MongoDatabase db = service.database();
            Templates templates = Templates.read(db);
            Generator generator = new Generator(templates, new Random(SEED));
            Generated small = generator.store(db, "bench-plan-" + sizes.get(0), sizes.get(0));
            small.check(service);
            System.out.printf("  relay background: %.1f MongoDB commands a second while idle%n", idleCommandRate(service));
            Measured smallAlone = measure(service, small, runs);
            Generated large = generator.store(db, "bench-plan-" + sizes.get(1), sizes.get(1));
            large.check(service);
            Generated empty = generator.store(db, "bench-plan-empty", 0);
            empty.check(service);
            System.out.printf("  relay background: %.1f MongoDB commands a second while idle%n", idleCommandRate(service));
            List<Measured> sideBySide = measureSideBySide(service, List.of(empty, small, large), runs);
            print(small, large, smallAlone, sideBySide.get(0), sideBySide.get(1), sideBySide.get(2), db);
        }
    }

    /** This benchmark again in a JVM whose environment, which the service's process inherits, slows the relay's idle polling. */
    private static void runAgainWithQuietRelay(Path root, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Dcivicgraph.root=" + root, "-cp", System.getProperty("java.class.path"), BenchMain.class.getName(), "plans"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(RELAY_INTERVAL, "10m");
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("The benchmark ended with exit code " + exit);
        }
    }

    /** Each report for each plan in turn, call after call, so that the plans meet the same conditions. */
    private static List<Measured> measureSideBySide(ServiceUnderTest service, List<Generated> plans, int runs) {
        System.out.printf("  measuring %s activities side by side...%n", plans.stream().map(plan -> String.format("%,d", plan.size())).toList());
        plans.forEach(plan -> warmUp(service, plan));
        List<Samples> exceptions = plans.stream().map(plan -> new Samples()).toList();
        List<Samples> rollUps = plans.stream().map(plan -> new Samples()).toList();
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < plans.size(); i++) {
                exceptions.get(i).time(call(service, EXCEPTIONS, plans.get(i)));
                rollUps.get(i).time(call(service, ROLL_UP, plans.get(i)));
            }
        }
        List<Measured> measured = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            measured.add(new Measured(exceptions.get(i), rollUps.get(i), roundTrips(service, EXCEPTIONS, plans.get(i)),
                    roundTrips(service, ROLL_UP, plans.get(i))));
        }
        return measured;
    }

    private static Measured measure(ServiceUnderTest service, Generated plan, int runs) {
        System.out.printf("  measuring %,d activities alone in the store...%n", plan.size());
        warmUp(service, plan);
        Samples exceptions = new Samples();
        Samples rollUps = new Samples();
        for (int run = 0; run < runs; run++) {
            exceptions.time(call(service, EXCEPTIONS, plan));
            rollUps.time(call(service, ROLL_UP, plan));
        }
        return new Measured(exceptions, rollUps, roundTrips(service, EXCEPTIONS, plan), roundTrips(service, ROLL_UP, plan));
    }

    private static void warmUp(ServiceUnderTest service, Generated plan) {
        Latencies.measure(5, 0, call(service, EXCEPTIONS, plan));
        Latencies.measure(5, 0, call(service, ROLL_UP, plan));
    }

    /** Wall-clock times of calls made one at a time, interleaved with others; percentiles as {@link Latencies} takes them. */
    static final class Samples {

        private final List<Long> nanos = new ArrayList<>();

        void time(Supplier<?> call) {
            long started = System.nanoTime();
            call.get();
            nanos.add(System.nanoTime() - started);
        }

        double p50Millis() {
            return percentile(50);
        }

        double p95Millis() {
            return percentile(95);
        }

        private double percentile(int percent) {
            List<Long> sorted = nanos.stream().sorted().toList();
            int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }

    private static Supplier<Object> call(ServiceUnderTest service, String query, Generated plan) {
        return () -> service.graphql(query, Map.of("plan", plan.planId(), "period", PERIOD));
    }

    /** The service's MongoDB commands around single calls: the fewest (the report's own) and the median. */
    private static RoundTrips roundTrips(ServiceUnderTest service, String query, Generated plan) {
        Supplier<Object> call = call(service, query, plan);
        List<Long> deltas = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            long before = service.mongoCommands();
            call.get();
            deltas.add(service.mongoCommands() - before);
        }
        List<Long> sorted = deltas.stream().sorted().toList();
        return new RoundTrips(sorted.get(0), sorted.get(sorted.size() / 2));
    }

    private static double idleCommandRate(ServiceUnderTest service) throws InterruptedException {
        long before = service.mongoCommands();
        long started = System.nanoTime();
        Thread.sleep(3_000);
        return (service.mongoCommands() - before) / ((System.nanoTime() - started) / 1e9);
    }

    private static void print(Generated small, Generated large, Measured smallAlone, Measured emptyBeside, Measured smallBeside,
                              Measured largeBeside, MongoDatabase db) {
        long updates = db.getCollection("progressUpdates").countDocuments();
        long activities = db.getCollection("activities").countDocuments();
        System.out.println();
        System.out.printf("plans-service reports for %s through GraphQL over HTTP, service on the embedded Mongo server (%,d activities, %,d updates in the store)%n",
                PERIOD, activities, updates);
        String rule = "-".repeat(136);
        System.out.println(rule);
        row("activities in the plan", String.format("%,d (alone)", small.size()), "none (side by side)",
                String.format("%,d (side by side)", small.size()), String.format("%,d (side by side)", large.size()));
        row("updates of the plan (8 quarters, corrections)", String.format("%,d", small.updates()), "0", String.format("%,d", small.updates()),
                String.format("%,d", large.updates()));
        row("exception report p50 / p95 (ms)", ms(smallAlone.exceptions()), ms(emptyBeside.exceptions()), ms(smallBeside.exceptions()),
                ms(largeBeside.exceptions()));
        row("RAG roll-up p50 / p95 (ms)", ms(smallAlone.rollUps()), ms(emptyBeside.rollUps()), ms(smallBeside.rollUps()), ms(largeBeside.rollUps()));
        row("exception report p50 above the empty plan's", "", "", above(smallBeside.exceptions(), emptyBeside.exceptions()),
                above(largeBeside.exceptions(), emptyBeside.exceptions()));
        row("RAG roll-up p50 above the empty plan's", "", "", above(smallBeside.rollUps(), emptyBeside.rollUps()),
                above(largeBeside.rollUps(), emptyBeside.rollUps()));
        row("DB round trips per exception report (min / median)", smallAlone.exceptionTrips().toString(), emptyBeside.exceptionTrips().toString(),
                smallBeside.exceptionTrips().toString(), largeBeside.exceptionTrips().toString());
        row("DB round trips per RAG roll-up (min / median)", smallAlone.rollUpTrips().toString(), emptyBeside.rollUpTrips().toString(),
                smallBeside.rollUpTrips().toString(), largeBeside.rollUpTrips().toString());
        row("exception counts (behind / overdue / none)", small.expected().exceptionCounts(), "0 / 0 / 0", small.expected().exceptionCounts(),
                large.expected().exceptionCounts());
        System.out.println(rule);
        int factor = large.size() / small.size();
        double limit = factor * 1.2;
        ratio("exception report", "p50 above the empty plan's", growth(largeBeside.exceptions(), smallBeside.exceptions(), emptyBeside.exceptions()), limit, large, small);
        ratio("RAG roll-up", "p50 above the empty plan's", growth(largeBeside.rollUps(), smallBeside.rollUps(), emptyBeside.rollUps()), limit, large, small);
        ratio("exception report", "p50, side by side", largeBeside.exceptions().p50Millis() / smallBeside.exceptions().p50Millis(), limit, large, small);
        ratio("RAG roll-up", "p50, side by side", largeBeside.rollUps().p50Millis() / smallBeside.rollUps().p50Millis(), limit, large, small);
        System.out.printf("  for comparison, against the %,d plan measured alone, before the larger plan was stored: exception report %.1fx, RAG roll-up %.1fx%n",
                small.size(), largeBeside.exceptions().p50Millis() / smallAlone.exceptions().p50Millis(),
                largeBeside.rollUps().p50Millis() / smallAlone.rollUps().p50Millis());
        boolean constant = Stream.of(smallAlone, emptyBeside, smallBeside, largeBeside).map(m -> m.exceptionTrips().min()).distinct().count() == 1
                && Stream.of(smallAlone, emptyBeside, smallBeside, largeBeside).map(m -> m.rollUpTrips().min()).distinct().count() == 1;
        System.out.printf("DB round trips per report the same at every size: %s (exception report %d, RAG roll-up %d)%n",
                constant ? "MET" : "NOT MET", largeBeside.exceptionTrips().min(), largeBeside.rollUpTrips().min());
        System.out.println("Notes: the reports select a plan's activities and its updates for the period by an anchored _id prefix, which the"
                + " embedded server (mongo-java-server, which ignores secondary indexes) answers from its _id index as MongoDB does, but"
                + " by testing every key in the collection: that is the empty plan's time, and it grows with the whole store, not the plan."
                + " Round trips: the service's MongoDB command count around single calls, fewest and median of 11.");
        if (System.getenv(RELAY_INTERVAL) != null) {
            System.out.println("The outbox relay's idle polling was slowed for these figures (" + RELAY_INTERVAL + "=" + System.getenv(RELAY_INTERVAL)
                    + "): as deployed it reads its marks once a second, a command that would be counted in a long report's round trips;"
                    + " run with " + AS_DEPLOYED + " to include it.");
        }
    }

    private static void ratio(String report, String how, double ratio, double limit, Generated large, Generated small) {
        System.out.printf("%s at %,d vs %,d activities, %s: %.2fx (target at most %.0fx) %s%n", report, large.size(), small.size(), how, ratio,
                limit, ratio <= limit ? "MET" : "NOT MET");
    }

    /** How many times the larger plan's time above the empty plan's is the smaller one's. */
    private static double growth(Samples large, Samples small, Samples empty) {
        return (large.p50Millis() - empty.p50Millis()) / Math.max(1.0, small.p50Millis() - empty.p50Millis());
    }

    private static String above(Samples plan, Samples empty) {
        return String.format("%.1f", plan.p50Millis() - empty.p50Millis());
    }

    private static void row(String label, String... values) {
        System.out.printf("%-52s", label);
        for (String value : values) {
            System.out.printf("%21s", value);
        }
        System.out.println();
    }

    private static String ms(Samples latencies) {
        return String.format("%.1f / %.1f", latencies.p50Millis(), latencies.p95Millis());
    }

    record Measured(Samples exceptions, Samples rollUps, RoundTrips exceptionTrips, RoundTrips rollUpTrips) {
    }

    record RoundTrips(long min, long median) {
        @Override
        public String toString() {
            return min + " / " + median;
        }
    }

    /** Documents the service wrote itself (its demo data), whose shape the generated ones must have. */
    record Templates(Document plan, Document activity, Document update) {

        static Templates read(MongoDatabase db) {
            Document plan = db.getCollection("plans").find(Filters.eq("_id", "lincolnshire-cc-corporate-plan")).first();
            Objects.requireNonNull(plan, "the demo data should hold lincolnshire-cc-corporate-plan");
            Document activity = db.getCollection("activities").find(Filters.and(Filters.eq("planId", plan.getString("_id")),
                    Filters.exists("milestones.0"))).first();
            Objects.requireNonNull(activity, "the demo data should hold an activity with milestones");
            Document update = db.getCollection("progressUpdates").find(Filters.exists("explanation")).first();
            Objects.requireNonNull(update, "the demo data should hold an update with an explanation");
            String planId = update.getString("planId");
            String expected = Generator.updateId(planId, update.getString("activityId").substring(planId.length() + 1), update.getString("period"),
                    update.getInteger("revision"));
            if (!expected.equals(update.getString("_id"))) {
                throw new IllegalStateException("The service names updates " + update.getString("_id") + ", the generator would name it " + expected);
            }
            return new Templates(plan, activity, update);
        }
    }

    /** What the generator stored for one plan, and what the reports must therefore say. */
    record Generated(String planId, int size, int updates, Expected expected) {

        /** Both reports through GraphQL count exactly what was generated. */
        void check(ServiceUnderTest service) {
            DocumentContext rollUp = service.graphql(ROLL_UP, Map.of("plan", planId, "period", PERIOD));
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<Map<String, Object>> statuses = rollUp.read("$.data.ragSummary.counts.statuses");
            statuses.forEach(status -> counts.put((String) status.get("label"), (Integer) status.get("count")));
            counts.put("none", rollUp.read("$.data.ragSummary.counts.notReported"));
            if (!counts.equals(expected.plan())) {
                throw new IllegalStateException("RAG roll-up of " + planId + " counted " + counts + "; generated " + expected.plan());
            }
            List<Integer> firstTheme = rollUp.read("$.data.ragSummary.themes[0].counts.statuses[*].count");
            if (!firstTheme.equals(expected.firstTheme())) {
                throw new IllegalStateException("RAG roll-up of " + planId + "'s first theme counted " + firstTheme + "; generated " + expected.firstTheme());
            }
            DocumentContext exceptions = service.graphql(EXCEPTIONS, Map.of("plan", planId, "period", PERIOD));
            Map<String, Integer> exceptionCounts = exceptions.read("$.data.exceptionReport.counts");
            Map<String, Integer> wanted = Map.of("behindPlan", expected.behindPlan(), "overdueMilestones", expected.overdue(),
                    "notReported", expected.notReported(), "missingExplanations", 0);
            if (!Map.copyOf(exceptionCounts).equals(wanted)) {
                throw new IllegalStateException("Exception report of " + planId + " counted " + exceptionCounts + "; generated " + wanted);
            }
            List<String> firstNotReported = exceptions.read("$.data.exceptionReport.notReported.edges[*].node.id");
            if (!firstNotReported.isEmpty() && !firstNotReported.get(0).equals(expected.firstNotReported())) {
                throw new IllegalStateException("Exception report of " + planId + " lists " + firstNotReported.get(0)
                        + " first among those not reported; generated " + expected.firstNotReported());
            }
            System.out.printf("  checked: both reports for %s count what was generated (%s)%n", planId, expected.plan());
        }
    }

    /** @param plan per status label and "none", for the whole plan */
    record Expected(Map<String, Integer> plan, List<Integer> firstTheme, int behindPlan, int overdue, int notReported, String firstNotReported) {

        String exceptionCounts() {
            return String.format("%,d / %,d / %,d", behindPlan, overdue, notReported);
        }
    }

    /**
     * Plans of ten themes of five objectives on a Green/Amber/Red scale (Red behind plan), activities A1... spread over
     * the objectives in turn, each with a milestone due in March 2021 (met or not) and one due in September 2022; every
     * quarter of 2020/21 and 2021/22 reported for about 92% of activities, about 5% of those reports corrected.
     */
    static final class Generator {

        private final Templates templates;
        private final Random random;

        Generator(Templates templates, Random random) {
            this.templates = templates;
            this.random = random;
        }

        Generated store(MongoDatabase db, String planId, int size) {
            long started = System.nanoTime();
            Document plan = plan(planId);
            Shape.requireSame("plans", templates.plan(), plan);
            db.getCollection("plans").insertOne(plan);
            MongoCollection<Document> activities = db.getCollection("activities");
            MongoCollection<Document> updates = db.getCollection("progressUpdates");
            List<Document> activityBatch = new ArrayList<>();
            List<Document> updateBatch = new ArrayList<>();
            Map<String, Integer> planCounts = new LinkedHashMap<>();
            for (String status : STATUSES) {
                planCounts.put(status, 0);
            }
            planCounts.put("none", 0);
            int[] firstTheme = new int[STATUSES.length];
            int behindPlan = 0;
            int overdue = 0;
            int notReported = 0;
            int updateCount = 0;
            String firstNotReported = null;
            boolean checkedUpdate = false;
            boolean checkedCorrection = false;
            for (int n = 1; n <= size; n++) {
                int objective = (n - 1) % (THEMES * OBJECTIVES_PER_THEME);
                int theme = objective / OBJECTIVES_PER_THEME;
                boolean firstMet = random.nextInt(10) < 7;
                Document activity = activity(planId, n, theme, objective % OBJECTIVES_PER_THEME, firstMet);
                if (n == 1) {
                    Shape.requireSame("activities", templates.activity(), activity);
                }
                activityBatch.add(activity);
                if (!firstMet) {
                    overdue++;
                }
                String current = null;
                for (int q = 0; q < QUARTERS.length; q++) {
                    if (random.nextInt(100) >= 92) {
                        continue;
                    }
                    String status = STATUSES[weighted()];
                    Document first = update(activity, QUARTERS[q], 1, status, null);
                    updateBatch.add(first);
                    updateCount++;
                    if (!checkedUpdate) {
                        Shape.requireSame("progressUpdates", templates.update(), first);
                        checkedUpdate = true;
                    }
                    if (random.nextInt(100) < 5) {
                        status = STATUSES[(Arrays.asList(STATUSES).indexOf(status) + 1) % STATUSES.length];
                        Document correction = update(activity, QUARTERS[q], 2, status, first);
                        updateBatch.add(correction);
                        updateCount++;
                        if (!checkedCorrection) {
                            Shape.requireSame("progressUpdates", templates.update(), correction);
                            checkedCorrection = true;
                        }
                    }
                    if (q == QUARTERS.length - 1) {
                        current = status;
                    }
                }
                planCounts.merge(current == null ? "none" : current, 1, Integer::sum);
                if (current == null) {
                    notReported++;
                    firstNotReported = firstNotReported == null ? activity.getString("_id") : firstNotReported;
                } else {
                    behindPlan += current.equals("Red") ? 1 : 0;
                    if (theme == 0) {
                        firstTheme[Arrays.asList(STATUSES).indexOf(current)]++;
                    }
                }
                if (activityBatch.size() == 1_000) {
                    activities.insertMany(activityBatch);
                    activityBatch.clear();
                }
                if (updateBatch.size() >= 5_000) {
                    updates.insertMany(updateBatch);
                    updateBatch.clear();
                }
            }
            if (!activityBatch.isEmpty()) {
                activities.insertMany(activityBatch);
            }
            if (!updateBatch.isEmpty()) {
                updates.insertMany(updateBatch);
            }
            System.out.printf("  %s: %,d activities and %,d updates stored in %.1f s%n", planId, size, updateCount, (System.nanoTime() - started) / 1e9);
            List<Integer> themeCounts = Arrays.stream(firstTheme).boxed().toList();
            return new Generated(planId, size, updateCount, new Expected(planCounts, themeCounts, behindPlan, overdue, notReported, firstNotReported));
        }

        /** Green half the time, Amber three in ten, Red one in five. */
        private int weighted() {
            int roll = random.nextInt(10);
            return roll < 5 ? 0 : roll < 8 ? 1 : 2;
        }

        private Document plan(String planId) {
            List<Document> themes = new ArrayList<>();
            for (int t = 0; t < THEMES; t++) {
                List<Document> objectives = new ArrayList<>();
                for (int o = 0; o < OBJECTIVES_PER_THEME; o++) {
                    objectives.add(new Document("key", objectiveKey(t, o)).append("title", "Objective " + (o + 1) + " of theme " + (t + 1))
                            .append("successMeasures", List.of("Measure of objective " + (o + 1))));
                }
                themes.add(new Document("key", themeKey(t)).append("title", "Theme " + (t + 1)).append("description", "What theme " + (t + 1) + " is for")
                        .append("partnerOrganisations", List.of()).append("objectives", objectives));
            }
            List<Document> scale = List.of(
                    new Document("label", "Green").append("colour", "#00703C").append("meaning", "On track").append("behindPlan", false),
                    new Document("label", "Amber").append("colour", "#FFBF47").append("meaning", "At risk").append("behindPlan", false),
                    new Document("label", "Red").append("colour", "#D4351C").append("meaning", "Behind plan").append("behindPlan", true));
            Document plan = new Document("_id", planId)
                    .append("ownerOrganisation", OWNER)
                    .append("title", "Benchmark plan " + planId)
                    .append("kind", "CORPORATE_PLAN")
                    .append("period", "2020-2024")
                    .append("periodNote", "Generated for the benchmark")
                    .append("themeLabel", "Theme")
                    .append("objectiveLabel", "Objective")
                    .append("areas", List.of("E10000019"))
                    .append("visibility", "PUBLIC")
                    .append("themes", themes)
                    .append("ragScale", scale)
                    .append("partnersMayReport", false)
                    .append("referenceScope", "PLAN")
                    .append("requiresApproval", false)
                    .append("version", 0L)
                    .append("pendingEvents", List.of())
                    .append("_class", templates.plan().getString("_class"));
            return plan;
        }

        private Document activity(String planId, int n, int theme, int objective, boolean firstMet) {
            String reference = "A" + n;
            List<Document> milestones = List.of(
                    new Document("_id", "m1").append("text", "First milestone of " + reference).append("dueDate", date(LocalDate.of(2021, 3, 31)))
                            .append("status", firstMet ? "MET" : "SCHEDULED"),
                    new Document("_id", "m2").append("text", "Second milestone of " + reference).append("dueDate", date(LocalDate.of(2022, 9, 30)))
                            .append("status", "SCHEDULED"));
            Document activity = new Document("_id", planId + "/" + reference)
                    .append("planId", planId)
                    .append("reference", reference)
                    .append("formerReferences", List.of())
                    .append("themeKey", themeKey(theme))
                    .append("objectiveKey", objectiveKey(theme, objective))
                    .append("description", "Generated activity " + n + ": improve something measurable for residents")
                    .append("leadOrganisation", OWNER)
                    .append("partnerOrganisations", n % 4 == 0 ? List.of("bench-partner-" + (n % 7)) : List.of())
                    .append("areas", List.of("E10000019"))
                    .append("outputs", List.of("Output of " + reference))
                    .append("successMeasureIndicators", List.of())
                    .append("milestones", milestones)
                    .append("sortKey", "a" + String.format("%06d", n))
                    .append("path", reference)
                    .append("createdAt", Date.from(Instant.parse("2020-04-01T09:00:00Z")))
                    .append("version", 0L)
                    .append("pendingEvents", List.of())
                    .append("_class", templates.activity().getString("_class"));
            return renameLikeTemplate(activity, templates.activity());
        }

        private Document update(Document activity, String period, int revision, String status, Document corrected) {
            String activityId = activity.getString("_id");
            Date reportedAt = Date.from(Instant.parse("2022-01-01T10:00:00Z"));
            Document update = new Document("_id", updateId(activity.getString("planId"), activity.getString("reference"), period, revision))
                    .append("planId", activity.getString("planId"))
                    .append("activityId", activityId)
                    .append("period", period)
                    .append("revision", revision)
                    .append("status", status)
                    .append("behindPlan", status.equals("Red"))
                    .append("commentary", "Progress in " + period + " as planned, with the usual caveats")
                    .append("milestones", List.of())
                    .append("author", "officer@" + OWNER)
                    .append("authorOrganisation", OWNER)
                    .append("reportedAt", reportedAt)
                    .append("state", "PUBLISHED")
                    .append("publishedAt", reportedAt)
                    .append("version", 0L)
                    .append("pendingEvents", List.of())
                    .append("_class", templates.update().getString("_class"));
            if (status.equals("Red")) {
                update.append("explanation", "Supplier delays; a recovery plan goes to the board next month");
            }
            if (corrected != null) {
                update.append("supersedes", corrected.getString("_id")).append("correctionReason", "Misread the contractor's return");
            }
            return update;
        }

        /** As the service names an update: plan, period, activity path, revision (so a period's updates lie side by side). */
        static String updateId(String planId, String activityPath, String period, int revision) {
            return planId + "/" + period.replace('/', '-').replace(' ', '-') + "/" + activityPath + "/v" + revision;
        }

        private static String themeKey(int theme) {
            return "theme-" + (theme + 1);
        }

        private static String objectiveKey(int theme, int objective) {
            return "theme-" + (theme + 1) + "-" + (objective + 1);
        }

        /** A LocalDate as the service stores one: the start of the day in the zone it runs in (this machine's). */
        private static Date date(LocalDate day) {
            return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
        }

        /**
         * Nested keys here are written {@code _id} for an embedded record's {@code id} (Spring Data's mapping); should the
         * service write {@code key} or {@code id} instead, the template says so and the generated documents follow it.
         */
        private static Document renameLikeTemplate(Document generated, Document template) {
            for (String field : generated.keySet()) {
                Object mine = generated.get(field);
                Object theirs = template.get(field);
                if (mine instanceof List<?> list && theirs instanceof List<?> theirList && !list.isEmpty() && !theirList.isEmpty()
                        && list.get(0) instanceof Document && theirList.get(0) instanceof Document theirFirst) {
                    List<Document> renamed = new ArrayList<>();
                    for (Object element : list) {
                        renamed.add(renameLikeTemplate(renameId((Document) element, theirFirst), theirFirst));
                    }
                    generated.put(field, renamed);
                }
            }
            return generated;
        }

        private static Document renameId(Document element, Document template) {
            if (!element.containsKey("_id") || template.containsKey("_id")) {
                return element;
            }
            String name = template.containsKey("key") ? "key" : template.containsKey("id") ? "id" : "_id";
            Document renamed = new Document();
            element.forEach((key, value) -> renamed.append(key.equals("_id") ? name : key, value));
            return renamed;
        }
    }

    /** Generated documents must look like the ones the service writes: the same fields with the same BSON types, nested ones too. */
    static final class Shape {

        private static final Set<String> OPTIONAL = Set.of("periodNote", "referenceYear", "note", "description", "commentary", "explanation",
                "supersedes", "correctionReason", "importedFrom", "publishedBy", "revisedDueDate", "dueDate");

        static void requireSame(String what, Document written, Document generated) {
            Set<String> missing = new TreeSet<>(written.keySet());
            missing.removeAll(generated.keySet());
            missing.removeAll(OPTIONAL);
            Set<String> extra = new TreeSet<>(generated.keySet());
            extra.removeAll(written.keySet());
            extra.removeAll(OPTIONAL);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                throw new IllegalStateException("Generated " + what + " differ from the service's: missing " + missing + ", extra " + extra
                        + "\n  service: " + written.toJson() + "\n  generated: " + generated.toJson());
            }
            for (String field : generated.keySet()) {
                Object mine = generated.get(field);
                Object theirs = written.get(field);
                if (theirs == null || mine == null) {
                    continue;
                }
                if (mine instanceof List<?> list && theirs instanceof List<?> theirList) {
                    if (!list.isEmpty() && !theirList.isEmpty() && list.get(0) instanceof Document element && theirList.get(0) instanceof Document theirElement) {
                        requireSame(what + "." + field, theirElement, element);
                    }
                } else if (!mine.getClass().equals(theirs.getClass())) {
                    throw new IllegalStateException("Field " + what + "." + field + " is " + mine.getClass().getSimpleName() + " here but "
                            + theirs.getClass().getSimpleName() + " in the service's documents");
                }
            }
        }
    }
}
