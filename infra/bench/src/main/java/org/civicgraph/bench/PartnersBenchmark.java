package org.civicgraph.bench;

import com.jayway.jsonpath.DocumentContext;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.civicgraph.stack.App;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * partners-service: name search and name resolution over 10,000 and then 100,000 generated organisations with
 * aliases, through GraphQL against the service running as a real process on the embedded store.
 * <p>
 * The organisations are written straight into the service's collection in the shape the service writes (checked
 * field by field against a record the service wrote itself), with their search keys computed by the service's own
 * code ({@code SearchKeys}, {@code NameText} and {@code Unit} loaded from partners-service/target/classes), so the
 * keys cannot drift from what the service would store; their keys are added to the service's {@code name_keys}
 * lookup collection as the service adds them. Before timing, every generated search must find its organisation and
 * return exactly what the equality/{@code $in}/{@code $all} query on the indexed {@code searchKeys} array returns,
 * and every generated name must resolve to its organisation (unknown names must stay unresolved).
 * <p>
 * Argument: optional sizes, such as {@code 2000,20000} for a quick run (default {@code 10000,100000}).
 */
public final class PartnersBenchmark implements Benchmark {

    private static final String SEARCH = """
            query($q: String!) { organisations(filter: {nameContains: $q}, first: 20) { edges { node { id name } } } }""";
    private static final String RESOLVE = """
            query($name: String!) { resolveName(name: $name) { status partner { id } candidates { score partner { id } } } }""";
    private static final String RESOLVE_MANY = """
            query($names: [String!]!) { resolveNames(names: $names) { status partner { id } } }""";
    private static final int SAMPLE = 60;
    private static final int WARM_UP = 100;
    private static final int RUNS = 120;
    private static final long SEED = 20240607L;

    @Override
    public String description() {
        return "partners-service: name search and resolution over 10,000 and 100,000 generated organisations with aliases";
    }

    @Override
    public void run(Path root, List<String> args) throws Exception {
        List<Integer> sizes = args.isEmpty() ? List.of(10_000, 100_000)
                : java.util.Arrays.stream(args.get(0).split(",")).map(String::strip).map(Integer::parseInt).toList();
        ServiceCode code = ServiceCode.load(root);
        Generator generator = new Generator(code, new Random(SEED));
        List<Row> rows = new ArrayList<>();
        String relayInterval = System.getenv().getOrDefault("CIVICGRAPH_EVENTS_RELAYINTERVAL", "1s (the platform default)");
        System.out.println("Starting partners-service on the embedded store; outbox relay interval " + relayInterval
                + " (set CIVICGRAPH_EVENTS_RELAYINTERVAL, which the service inherits, to change it)...");
        try (ServiceUnderTest service = ServiceUnderTest.start(App.PARTNERS, root)) {
            MongoDatabase db = service.database();
            MongoCollection<Document> organisations = db.getCollection("organisations");
            Document template = organisations.find(Filters.eq("_id", "lincolnshire-cc")).first();
            Objects.requireNonNull(template, "the demo data should hold lincolnshire-cc");
            KeyCounts keyCounts = new KeyCounts();
            organisations.find().forEach(document -> keyCounts.add(document));
            int demo = (int) organisations.countDocuments();
            List<Generated> generated = new ArrayList<>();
            Workload workload = null;
            for (int size : sizes) {
                long started = System.nanoTime();
                List<Generated> added = new ArrayList<>();
                while (generated.size() < size) {
                    Generated organisation = generator.next();
                    if (generated.isEmpty()) {
                        Shape.requireSame(template, organisation.document(), code.unit("sample", "unit", "Unit", List.of("Sample")));
                    }
                    generated.add(organisation);
                    added.add(organisation);
                    keyCounts.add(organisation.document());
                }
                for (int from = 0; from < added.size(); from += 2_000) {
                    organisations.insertMany(added.subList(from, Math.min(added.size(), from + 2_000)).stream().map(Generated::document).toList());
                }
                NameKeys.add(db, added);
                System.out.printf("  %,d generated organisations stored in %.1f s (%,d demo records besides)%n", size,
                        (System.nanoTime() - started) / 1e9, demo);
                if (workload == null) {
                    workload = Workload.from(generated, new Random(SEED + 1));
                }
                workload.check(service, organisations, code, size > 50_000);
                Row row = measure(service, db, workload, keyCounts, code, size);
                rows.add(row);
                System.out.printf("    search %s ms, resolution %s ms, %.0f resolutions/s; %.0f round trips a search, %.0f a resolution%n",
                        ms(row.search()), ms(row.resolve()), row.perSecond(), row.searchTrips(), row.resolveTrips());
            }
        }
        print(rows, relayInterval);
    }

    private static Row measure(ServiceUnderTest service, MongoDatabase db, Workload workload, KeyCounts keyCounts, ServiceCode code,
                               int size) throws InterruptedException {
        System.out.printf("  measuring at %,d...%n", size);
        long idleBefore = service.mongoCommands();
        Thread.sleep(5_000);
        double idlePerSecond = (service.mongoCommands() - idleBefore) / 5.0;
        long phase = System.nanoTime();
        Latencies search = Latencies.measure(WARM_UP, RUNS, cycling(workload.searches(), q -> service.graphql(SEARCH, Map.of("q", q))));
        Latencies initials = Latencies.measure(10, 40, cycling(workload.initials(), q -> service.graphql(SEARCH, Map.of("q", q))));
        System.out.printf("    searches timed in %.1f s: %s ms, by initials %s ms%n", (System.nanoTime() - phase) / 1e9, ms(search), ms(initials));
        phase = System.nanoTime();
        Supplier<Object> resolution = cycling(workload.resolutions(), name -> service.graphql(RESOLVE, Map.of("name", name)));
        Latencies.measure(WARM_UP, 0, resolution);
        long timed = System.nanoTime();
        Latencies resolve = Latencies.measure(0, RUNS, resolution);
        double perSecond = RUNS / ((System.nanoTime() - timed) / 1e9);
        System.out.printf("    resolutions timed in %.1f s%n", (System.nanoTime() - phase) / 1e9);
        phase = System.nanoTime();
        List<String> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(workload.resolutions().get(i % workload.resolutions().size()));
        }
        long started = System.nanoTime();
        service.graphql(RESOLVE_MANY, Map.of("names", hundred));
        double batchedPerSecond = 100 / ((System.nanoTime() - started) / 1e9);
        System.out.printf("    100 names resolved in one call in %.1f s%n", (System.nanoTime() - started) / 1e9);
        double searchTrips = medianCommands(service, cycling(workload.searches(), q -> service.graphql(SEARCH, Map.of("q", q))));
        double resolveTrips = medianCommands(service, cycling(workload.resolutions(), name -> service.graphql(RESOLVE, Map.of("name", name))));
        double examined = workload.searches().stream().mapToLong(q -> keyCounts.examinedByIndex(code, q)).average().orElse(0);
        long worst = workload.searches().stream().mapToLong(q -> keyCounts.examinedByIndex(code, q)).max().orElse(0);
        double examinedInitials = workload.initials().stream().mapToLong(q -> keyCounts.examinedByIndex(code, q)).average().orElse(0);
        double byNameKeys = workload.searches().stream().mapToLong(q -> NameKeys.read(db, code, q)).average().orElse(0);
        double initialsByNameKeys = workload.initials().stream().mapToLong(q -> NameKeys.read(db, code, q)).average().orElse(0);
        return new Row(size, search, initials, resolve, perSecond, batchedPerSecond, searchTrips, resolveTrips, examined, worst,
                examinedInitials, byNameKeys, initialsByNameKeys, idlePerSecond, keyCounts.total());
    }

    /** The median of the service's MongoDB command count around single calls, so that the outbox relay's polling drops out. */
    private static double medianCommands(ServiceUnderTest service, Supplier<?> call) {
        List<Long> deltas = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long before = service.mongoCommands();
            call.get();
            deltas.add(service.mongoCommands() - before);
        }
        return deltas.stream().sorted().toList().get(deltas.size() / 2);
    }

    private static <T> Supplier<Object> cycling(List<T> items, java.util.function.Function<T, Object> call) {
        int[] next = {0};
        return () -> call.apply(items.get(next[0]++ % items.size()));
    }

    private static void print(List<Row> rows, String relayInterval) {
        String rule = "-".repeat(44 + 22 * rows.size());
        System.out.println();
        System.out.println("partners-service name search and resolution (GraphQL over HTTP; service on the embedded Mongo server)");
        System.out.println(rule);
        System.out.printf("%-44s", "generated organisations with aliases");
        rows.forEach(row -> System.out.printf("%22s", String.format("%,d", row.size())));
        System.out.println();
        line(rows, "search p50 / p95 (ms)", row -> ms(row.search()));
        line(rows, "search by initials p50 / p95 (ms)", row -> ms(row.initials()));
        line(rows, "resolution p50 / p95 (ms)", row -> ms(row.resolve()));
        line(rows, "resolutions/s, one per request", row -> String.format("%.1f", row.perSecond()));
        line(rows, "resolutions/s, resolveNames of 100", row -> String.format("%.1f", row.batchedPerSecond()));
        line(rows, "DB round trips per search (median)", row -> String.format("%.0f", row.searchTrips()));
        line(rows, "DB round trips per resolution (median)", row -> String.format("%.0f", row.resolveTrips()));
        line(rows, "docs read/search via name_keys (by _id)", row -> String.format("%.1f", row.byNameKeys()));
        line(rows, "  same, initials search", row -> String.format("%.1f", row.initialsByNameKeys()));
        line(rows, "docs examined/search, multikey index plan", row -> String.format("%.1f (max %d)", row.examined(), row.worstExamined()));
        line(rows, "  same, initials search", row -> String.format("%.1f", row.examinedInitials()));
        line(rows, "DB commands/s while idle (outbox relay)", row -> String.format("%.1f", row.idleCommandsPerSecond()));
        System.out.printf("%-44s%s%n", "outbox relay polling interval", relayInterval);
        line(rows, "organisations in the collection", row -> String.format("%,d", row.total()));
        System.out.println(rule);
        if (rows.size() >= 2) {
            Row first = rows.get(0);
            Row last = rows.get(rows.size() - 1);
            double ratio = last.search().p50Millis() / first.search().p50Millis();
            System.out.printf("search p50 at %,d vs %,d: %.2fx (target at most 3x: %s)%n", last.size(), first.size(), ratio,
                    ratio <= 3 ? "met" : "NOT met");
            System.out.printf("  caveat: the embedded server ignores secondary indexes: any query but an _id lookup scans the whole%n"
                    + "  collection, holding that collection's lock meanwhile. Search reads name_keys and then its candidates by _id,%n"
                    + "  which it serves from its primary index, so the ratio above is of index lookups there too. On real MongoDB%n"
                    + "  those are primary-key reads (%.1f vs %.1f documents a search); the fallback query (name_keys incomplete, or a%n"
                    + "  name with 2,000+ candidates) is an $all on the multikey searchKeys index, examining %.1f vs %.1f documents.%n",
                    last.byNameKeys(), first.byNameKeys(), last.examined(), first.examined());
            System.out.printf("  outbox relay: its poll reads the outbox_marks collection (one small document per aggregate with%n"
                    + "  unpublished events) and each marked document by _id; it scans the organisations only at start-up and hourly.%n"
                    + "  Interval in this run: %s.%n", relayInterval);
            System.out.printf("resolution p50 at %,d vs %,d: %.2fx%n", last.size(), first.size(),
                    last.resolve().p50Millis() / first.resolve().p50Millis());
        }
        System.out.println("Query shape, checked before timing: every search returned exactly what {searchKeys: {$all: [p:<word>, ...]}} (one word:"
                + " {searchKeys: {$in: [p:<word>, i:<initials>]}}) with mergedInto null and status ACTIVE, sorted by normalisedName, returns.");
        System.out.println("Docs examined under the multikey plan = index entries of the query's rarest key (the plan MongoDB's trial"
                + " picks) or, for one word, of both keys; via name_keys = key documents + candidate organisations, all read by _id.");
    }

    private static void line(List<Row> rows, String label, java.util.function.Function<Row, String> value) {
        System.out.printf("%-44s", label);
        rows.forEach(row -> System.out.printf("%22s", value.apply(row)));
        System.out.println();
    }

    private static String ms(Latencies latencies) {
        return String.format("%.1f / %.1f", latencies.p50Millis(), latencies.p95Millis());
    }

    record Row(int size, Latencies search, Latencies initials, Latencies resolve, double perSecond, double batchedPerSecond,
               double searchTrips, double resolveTrips, double examined, long worstExamined, double examinedInitials,
               double byNameKeys, double initialsByNameKeys, double idleCommandsPerSecond, long total) {
    }

    /** The service's own name code, loaded from its build output so that generated keys are the keys the service computes. */
    static final class ServiceCode {

        private final Method searchKeysOf;
        private final Method normalise;
        private final Method compact;
        private final Method tokens;
        private final Method namesWithin;
        private final Method unitOpenReferralId;
        private final java.lang.reflect.Constructor<?> unit;

        private ServiceCode(ClassLoader loader) throws ReflectiveOperationException {
            Class<?> searchKeys = loader.loadClass("org.civicgraph.partners.name.SearchKeys");
            Class<?> nameText = loader.loadClass("org.civicgraph.partners.name.NameText");
            Class<?> unitType = loader.loadClass("org.civicgraph.partners.organisation.Unit");
            searchKeysOf = searchKeys.getMethod("of", Collection.class);
            normalise = nameText.getMethod("normalise", String.class);
            compact = nameText.getMethod("compact", String.class);
            tokens = nameText.getMethod("tokens", String.class);
            namesWithin = unitType.getMethod("namesWithin", List.class);
            unitOpenReferralId = unitType.getMethod("openReferralId");
            unit = unitType.getConstructor(String.class, String.class, List.class, String.class, List.class, String.class);
        }

        static ServiceCode load(Path root) throws Exception {
            Path classes = root.resolve("partners-service/target/classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException("Build partners-service first: " + classes + " is missing");
            }
            return new ServiceCode(new URLClassLoader(new URL[]{classes.toUri().toURL()}, PartnersBenchmark.class.getClassLoader()));
        }

        @SuppressWarnings("unchecked")
        List<String> searchKeys(Collection<String> names) {
            return (List<String>) invoke(searchKeysOf, null, names);
        }

        String normalise(String name) {
            return (String) invoke(normalise, null, name);
        }

        String compact(String name) {
            return (String) invoke(compact, null, name);
        }

        @SuppressWarnings("unchecked")
        List<String> tokens(String name) {
            return (List<String>) invoke(tokens, null, name);
        }

        /** A unit as the service stores it inside its organisation's record, made by the service's own Unit record. */
        @SuppressWarnings("unchecked")
        Document unit(String organisationId, String slug, String unitName, List<String> organisationNames) {
            try {
                Object value = unit.newInstance(organisationId + "/" + slug, unitName, List.of(), organisationId, List.of(), null);
                List<String> names = (List<String>) invoke(namesWithin, value, organisationNames);
                return new Document("_id", organisationId + "/" + slug).append("name", unitName).append("otherNames", List.of())
                        .append("organisationId", organisationId).append("searchKeys", searchKeys(names))
                        .append("openReferralId", unitOpenReferralId.invoke(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Object invoke(Method method, Object target, Object argument) {
            try {
                return method.invoke(target, argument);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One generated organisation. */
    record Generated(String id, String name, String place, Kind kind, List<String> otherNames, Document document) {
    }

    record Kind(String words, String type, String shortForm) {
    }

    /**
     * Names like "Kelthorpe Housing Association" from a fixed gazetteer of made-up places (about 9,000) and fifteen
     * kinds of body, each (place, kind) used once, with aliases as people write them: the initials ("KHA") and a short
     * form ("Kelthorpe HA"). A fifth of them have a unit. Deterministic for a seed.
     */
    static final class Generator {

        private static final String[] STARTS = {"ash", "bel", "bram", "cal", "dun", "elm", "fen", "gar", "hol", "kel", "lang", "mar",
                "nor", "ock", "pen", "quen", "ros", "stan", "thorn", "wal", "wyn", "yar", "brad", "carl", "dorr", "emb", "frisk", "grim",
                "hag", "ingol", "kirk", "lud", "mab", "nav", "orm", "pyl", "rand", "sax", "tet", "ulce"};
        private static final String[] MIDDLES = {"", "er", "ing", "en", "ow", "ald", "es", "il", "ey", "ar", "ot", "um"};
        private static final String[] ENDS = {"by", "ton", "ham", "thorpe", "wick", "field", "ford", "well", "brook", "stead", "worth",
                "cote", "dale", "holme", "marsh", "leigh", "bury", "croft", "gate", "wold"};
        static final List<Kind> KINDS = List.of(
                new Kind("Housing Association", "HOUSING_ASSOCIATION", "HA"),
                new Kind("Community Trust", "VOLUNTARY_OR_COMMUNITY_GROUP", "CT"),
                new Kind("Sports Club", "VOLUNTARY_OR_COMMUNITY_GROUP", "SC"),
                new Kind("Youth Project", "VOLUNTARY_OR_COMMUNITY_GROUP", null),
                new Kind("Food Bank", "VOLUNTARY_OR_COMMUNITY_GROUP", null),
                new Kind("Arts Centre", "VOLUNTARY_OR_COMMUNITY_GROUP", null),
                new Kind("Care Services Limited", "COMPANY", "Care Ltd"),
                new Kind("Building Contractors Ltd", "COMPANY", "Builders"),
                new Kind("Primary Care Network", "PRIMARY_CARE_NETWORK", "PCN"),
                new Kind("Academy", "SCHOOL_OR_COLLEGE", null),
                new Kind("Parish Council", "OTHER", "PC"),
                new Kind("Town Council", "OTHER", "TC"),
                new Kind("Medical Practice", "OTHER", "Surgery"),
                new Kind("Credit Union", "VOLUNTARY_OR_COMMUNITY_GROUP", "CU"),
                new Kind("Environmental Action Group", "VOLUNTARY_OR_COMMUNITY_GROUP", "EAG"));
        private static final String[] AREAS = {"E07000136", "E07000137", "E07000138", "E07000139", "E07000140", "E07000141",
                "E07000142", "E10000019"};
        private static final String[][] UNITS = {{"tenancy-support", "Tenancy support"}, {"youth-services", "Youth services"},
                {"advice-centre", "Advice centre"}};

        private final ServiceCode code;
        private final Random random;
        private final List<String> places;
        private final List<long[]> pairs = new ArrayList<>();
        private int next;

        Generator(ServiceCode code, Random random) {
            this.code = code;
            this.random = random;
            Set<String> distinct = new LinkedHashSet<>();
            for (String start : STARTS) {
                for (String middle : MIDDLES) {
                    for (String end : ENDS) {
                        distinct.add(Character.toUpperCase(start.charAt(0)) + start.substring(1) + middle + end);
                    }
                }
            }
            places = new ArrayList<>(distinct);
            for (long place = 0; place < places.size(); place++) {
                for (long kind = 0; kind < KINDS.size(); kind++) {
                    pairs.add(new long[]{place, kind});
                }
            }
            java.util.Collections.shuffle(pairs, random);
        }

        Generated next() {
            long[] pair = pairs.get(next++);
            String place = places.get((int) pair[0]);
            Kind kind = KINDS.get((int) pair[1]);
            String name = place + " " + kind.words();
            List<String> otherNames = new ArrayList<>();
            StringBuilder initials = new StringBuilder();
            for (String word : name.split(" ")) {
                initials.append(word.charAt(0));
            }
            otherNames.add(initials.toString().toUpperCase(Locale.ROOT));
            if (kind.shortForm() != null) {
                otherNames.add(place + " " + kind.shortForm());
            }
            String id = slug(name);
            List<String> allNames = new ArrayList<>();
            allNames.add(name);
            allNames.addAll(otherNames);
            List<Document> units = new ArrayList<>();
            if (random.nextInt(5) == 0) {
                String[] unit = UNITS[random.nextInt(UNITS.length)];
                units.add(code.unit(id, unit[0], unit[1], allNames));
            }
            List<Document> identifiers = kind.type().equals("COMPANY")
                    ? List.of(new Document("scheme", "COMPANIES_HOUSE").append("value", String.format("%08d", 10_000_000 + next)))
                    : List.of();
            Document document = new Document("_id", id)
                    .append("name", name)
                    .append("normalisedName", code.normalise(name))
                    .append("otherNames", otherNames)
                    .append("searchKeys", code.searchKeys(allNames))
                    .append("type", kind.type())
                    .append("identifiers", identifiers)
                    .append("areasServed", List.of(AREAS[random.nextInt(AREAS.length)]))
                    .append("contactPoints", List.of())
                    .append("contacts", List.of())
                    .append("status", "ACTIVE")
                    .append("mergedIds", List.of())
                    .append("units", units)
                    .append("relationships", List.of())
                    .append("openReferralId", UUID.nameUUIDFromBytes(("civicgraph:organisation:" + id).getBytes(StandardCharsets.UTF_8)).toString())
                    .append("version", 0L)
                    .append("pendingEvents", List.of())
                    .append("_class", "org.civicgraph.partners.organisation.Organisation");
            return new Generated(id, name, place, kind, otherNames, document);
        }

        private static String slug(String name) {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        }
    }

    /** Generated records must look like the ones the service writes: the same fields with the same BSON types. */
    static final class Shape {

        private static final Set<String> OPTIONAL = Set.of("website", "openedOn", "closedOn", "mergedInto");

        static void requireSame(Document written, Document generated, Document generatedUnit) {
            Set<String> missing = new java.util.TreeSet<>(written.keySet());
            missing.removeAll(generated.keySet());
            missing.removeAll(OPTIONAL);
            Set<String> extra = new java.util.TreeSet<>(generated.keySet());
            extra.removeAll(written.keySet());
            extra.removeAll(OPTIONAL);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                throw new IllegalStateException("Generated organisations differ from the service's: missing " + missing + ", extra " + extra);
            }
            for (String field : generated.keySet()) {
                Object mine = generated.get(field);
                Object theirs = written.get(field);
                if (theirs != null && mine != null && !(mine instanceof List<?>) && !mine.getClass().equals(theirs.getClass())) {
                    throw new IllegalStateException("Field " + field + " is " + mine.getClass().getSimpleName() + " here but "
                            + theirs.getClass().getSimpleName() + " in the service's records");
                }
            }
            List<Document> writtenUnits = written.getList("units", Document.class);
            if (writtenUnits.isEmpty() || !writtenUnits.get(0).keySet().equals(generatedUnit.keySet())) {
                throw new IllegalStateException("The service writes units with fields " + (writtenUnits.isEmpty() ? "(none here)"
                        : writtenUnits.get(0).keySet()) + "; the generator writes " + generatedUnit.keySet());
            }
        }
    }

    /** How many organisations hold each search key, to state what an index scan on real MongoDB would examine. */
    static final class KeyCounts {

        private final Map<String, Integer> counts = new HashMap<>();
        private long total;

        void add(Document organisation) {
            total++;
            for (String key : organisation.getList("searchKeys", String.class, List.of())) {
                counts.merge(key, 1, Integer::sum);
            }
        }

        long total() {
            return total;
        }

        /**
         * The service's name filter is {@code searchKeys $all [p:word...]}, or for one word {@code searchKeys $in
         * [p:word, i:initials]}. MongoDB answers $all from the index bounds of one key, the rarest winning the plan
         * trial, and $in from the bounds of both keys.
         */
        long examinedByIndex(ServiceCode code, String query) {
            List<String> prefixes = code.tokens(query).stream().filter(token -> token.length() >= 2).map(token -> "p:" + token).toList();
            if (prefixes.size() == 1) {
                return count(prefixes.get(0)) + count("i:" + code.compact(query));
            }
            return prefixes.stream().mapToLong(this::count).min().orElse(0);
        }

        private long count(String key) {
            return counts.getOrDefault(key, 0);
        }
    }

    /** What is searched and resolved: the same names at every size, taken from the first organisations generated. */
    record Workload(List<String> searches, List<String> initials, List<String> resolutions, Map<String, String> expectedSearch,
                    Map<String, String> expectedResolution) {

        static Workload from(List<Generated> generated, Random random) {
            List<String> searches = new ArrayList<>();
            List<String> initials = new ArrayList<>();
            List<String> resolutions = new ArrayList<>();
            Map<String, String> expectedSearch = new LinkedHashMap<>();
            Map<String, String> expectedResolution = new LinkedHashMap<>();
            for (int i = 0; i < SAMPLE; i++) {
                Generated organisation = generated.get(random.nextInt(generated.size()));
                String kindWord = organisation.kind().words().split(" ")[0].toLowerCase(Locale.ROOT);
                String words = organisation.place().toLowerCase(Locale.ROOT) + " " + kindWord;
                String place = organisation.place();
                String prefixes = place.substring(0, place.length() - 1) + " " + kindWord.substring(0, Math.min(4, kindWord.length())).toUpperCase(Locale.ROOT);
                String query = i % 2 == 0 ? words : prefixes;
                searches.add(query);
                expectedSearch.put(query, organisation.id());
                initials.add(organisation.otherNames().get(0));
                String written = switch (i % 3) {
                    case 0 -> organisation.name();
                    case 1 -> organisation.otherNames().size() > 1 ? organisation.otherNames().get(1) : organisation.name().toUpperCase(Locale.ROOT);
                    default -> null;
                };
                if (written != null) {
                    resolutions.add(written);
                    expectedResolution.put(written, organisation.id());
                } else {
                    String unknown = "Qwertyfold " + organisation.kind().words() + " Collective";
                    resolutions.add(unknown);
                    expectedResolution.put(unknown, null);
                }
            }
            return new Workload(searches, initials, resolutions, expectedSearch, expectedResolution);
        }

        /**
         * Every search returns the organisation it was made from and exactly what the indexed-array query shape returns;
         * every resolution resolves to its organisation, and unknown names stay unresolved.
         */
        void check(ServiceUnderTest service, MongoCollection<Document> organisations, ServiceCode code, boolean sampleOnly) {
            int checked = 0;
            for (String query : searches) {
                List<String> found = service.graphql(SEARCH, Map.of("q", query)).read("$.data.organisations.edges[*].node.id");
                if (!found.contains(expectedSearch.get(query))) {
                    throw new IllegalStateException("Search '" + query + "' did not find " + expectedSearch.get(query) + ": " + found);
                }
                if (!sampleOnly || checked < 5) {
                    List<String> byShape = new ArrayList<>();
                    organisations.find(Filters.and(Filters.eq("mergedInto", null), shape(code, query), Filters.eq("status", "ACTIVE")))
                            .sort(Sorts.ascending("normalisedName", "_id")).limit(20).projection(new Document("_id", 1))
                            .forEach(document -> byShape.add(document.getString("_id")));
                    if (!byShape.equals(found)) {
                        throw new IllegalStateException("Search '" + query + "' returned " + found + " but the indexed query shape returns " + byShape);
                    }
                    checked++;
                }
            }
            int resolved = 0;
            for (String name : resolutions) {
                DocumentContext answer = service.graphql(RESOLVE, Map.of("name", name));
                String status = answer.read("$.data.resolveName.status");
                String expected = expectedResolution.get(name);
                if (expected == null ? !status.equals("UNKNOWN") : !expected.equals(answer.read("$.data.resolveName.partner.id"))) {
                    throw new IllegalStateException("Resolving '" + name + "' gave " + answer.jsonString());
                }
                resolved++;
            }
            System.out.printf("  checked: %d searches find their organisation (%d against the indexed query shape), %d resolutions as expected%n",
                    searches.size(), checked, resolved);
        }

        private static org.bson.conversions.Bson shape(ServiceCode code, String query) {
            List<String> prefixes = code.tokens(query).stream().filter(token -> token.length() >= 2).map(token -> "p:" + token).toList();
            return prefixes.size() == 1 ? Filters.in("searchKeys", prefixes.get(0), "i:" + code.compact(query)) : Filters.all("searchKeys", prefixes);
        }
    }

    /**
     * The service's name_keys lookup collection: each key's document lists the organisations carrying it on their own
     * names and those carrying it on a unit's names. Generated organisations are added as the service adds the ones it
     * writes ($addToSet, upserting the key's document).
     */
    static final class NameKeys {

        static void add(MongoDatabase db, List<Generated> organisations) {
            Map<String, List<String>> owners = new HashMap<>();
            Map<String, List<String>> unitOwners = new HashMap<>();
            for (Generated organisation : organisations) {
                Document document = organisation.document();
                document.getList("searchKeys", String.class).forEach(key -> owners.computeIfAbsent(key, k -> new ArrayList<>()).add(organisation.id()));
                Set<String> unitKeys = new LinkedHashSet<>();
                document.getList("units", Document.class).forEach(unit -> unitKeys.addAll(unit.getList("searchKeys", String.class)));
                unitKeys.forEach(key -> unitOwners.computeIfAbsent(key, k -> new ArrayList<>()).add(organisation.id()));
            }
            Set<String> keys = new LinkedHashSet<>(owners.keySet());
            keys.addAll(unitOwners.keySet());
            List<WriteModel<Document>> writes = new ArrayList<>();
            MongoCollection<Document> collection = db.getCollection("name_keys");
            for (String key : keys) {
                List<org.bson.conversions.Bson> updates = new ArrayList<>();
                if (owners.containsKey(key)) {
                    updates.add(Updates.addEachToSet("organisations", owners.get(key)));
                }
                if (unitOwners.containsKey(key)) {
                    updates.add(Updates.addEachToSet("units", unitOwners.get(key)));
                }
                writes.add(new UpdateOneModel<>(Filters.eq("_id", key), Updates.combine(updates), new UpdateOptions().upsert(true)));
                if (writes.size() == 2_000) {
                    collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                    writes.clear();
                }
            }
            if (!writes.isEmpty()) {
                collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            }
        }

        /** Documents a search reads by _id through name_keys: the key documents, then the candidate organisations. */
        static long read(MongoDatabase db, ServiceCode code, String query) {
            List<String> prefixes = code.tokens(query).stream().filter(token -> token.length() >= 2).map(token -> "p:" + token).toList();
            List<String> keys = prefixes.size() == 1 ? List.of(prefixes.get(0), "i:" + code.compact(query)) : prefixes;
            Map<String, Set<String>> holders = new HashMap<>();
            db.getCollection("name_keys").find(Filters.in("_id", keys))
                    .forEach(entry -> holders.put(entry.getString("_id"), new LinkedHashSet<>(entry.getList("organisations", String.class, List.of()))));
            Set<String> candidates = new LinkedHashSet<>();
            if (prefixes.size() == 1) {
                holders.values().forEach(candidates::addAll);
            } else {
                candidates.addAll(holders.getOrDefault(keys.get(0), Set.of()));
                keys.forEach(key -> candidates.retainAll(holders.getOrDefault(key, Set.of())));
            }
            return holders.size() + candidates.size();
        }
    }

}
