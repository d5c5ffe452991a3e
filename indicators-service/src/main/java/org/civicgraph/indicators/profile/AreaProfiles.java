package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.IndicatorsProperties;
import org.civicgraph.indicators.IndicatorsProperties.WatchedComparison;
import org.civicgraph.indicators.ListPages;
import org.civicgraph.indicators.area.Area;
import org.civicgraph.indicators.area.AreaRegister;
import org.civicgraph.indicators.comparison.Benchmark;
import org.civicgraph.indicators.comparison.Comparison;
import org.civicgraph.indicators.comparison.Comparisons;
import org.civicgraph.indicators.comparison.Outcome;
import org.civicgraph.indicators.comparison.Subject;
import org.civicgraph.indicators.indicator.Indicator;
import org.civicgraph.indicators.indicator.IndicatorCatalogue;
import org.civicgraph.indicators.series.PublishedValue;
import org.civicgraph.indicators.series.Series;
import org.civicgraph.indicators.series.SeriesCoverage;
import org.civicgraph.indicators.series.SeriesLedger;
import org.civicgraph.indicators.series.Target;
import org.civicgraph.indicators.trend.Trend;
import org.civicgraph.indicators.trend.TrendPoint;
import org.civicgraph.indicators.trend.TrendSignificance;
import org.civicgraph.indicators.trend.Trends;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Profiles of many areas at once. The number of database queries does not grow with the number of indicators or
 * areas: which indicators each area has (its coverage), the areas' series by their ids, the benchmark's or the
 * groups' series by their ids, and the definitions; one query each, plus the groups' members for the group
 * methods. Series are read by id because an id is found by index on any MongoDB server, the embedded one included.
 */
@Service
class AreaProfiles {

    /** Series read at a time when many areas are judged together, as in the red-red query over every area. */
    private static final int SERIES_PER_CHUNK = 5_000;

    private final SeriesLedger ledger;
    private final SeriesCoverage coverage;
    private final IndicatorCatalogue catalogue;
    private final AreaRegister areas;
    private final IndicatorsProperties properties;

    AreaProfiles(SeriesLedger ledger, SeriesCoverage coverage, IndicatorCatalogue catalogue, AreaRegister areas, IndicatorsProperties properties) {
        this.ledger = ledger;
        this.coverage = coverage;
        this.catalogue = catalogue;
        this.areas = areas;
        this.properties = properties;
    }

    /** One profile per area, in the order given. */
    List<IndicatorProfile> of(List<Area> forAreas, ProfileSettings settings) {
        Set<String> codes = forAreas.stream().map(Area::getCode).collect(Collectors.toCollection(LinkedHashSet::new));
        Loaded loaded = load(forAreas, coverage.indicatorsIn(codes), settings, new Definitions());
        return forAreas.stream().map(area -> profile(area, loaded, settings)).toList();
    }

    /** The profiles asked for in one response: the areas asked for with the same settings together. */
    Map<ProfileRequest, IndicatorProfile> of(Set<ProfileRequest> requests) {
        Map<ProfileRequest, IndicatorProfile> answers = new HashMap<>();
        requests.stream().collect(Collectors.groupingBy(ProfileRequest::settings)).forEach((settings, sameSettings) -> {
            List<IndicatorProfile> found = of(sameSettings.stream().map(ProfileRequest::area).toList(), settings);
            for (int i = 0; i < sameSettings.size(); i++) {
                answers.put(sameSettings.get(i), found.get(i));
            }
        });
        return answers;
    }

    /**
     * The indicators worse than the benchmark and getting worse in any of the areas, by area (in the order given)
     * and indicator name. Areas are judged a few thousand series at a time (whole comparator groups together for the
     * group methods), so memory stays bounded however many areas there are; the definitions and the benchmark's
     * series are read once. Trends are worked out only for the values found worse.
     */
    List<RedRedFinding> redRed(List<Area> inScope, ProfileSettings settings, boolean significantOnly) {
        Map<String, Set<String>> indicatorsByArea = coverage.indicatorsIn(inScope.stream().map(Area::getCode).toList());
        Definitions definitions = new Definitions();
        List<RedRedFinding> findings = new ArrayList<>();
        for (List<Area> chunk : chunks(inScope, indicatorsByArea, settings)) {
            Loaded loaded = load(chunk, indicatorsByArea, settings, definitions);
            for (Area area : chunk) {
                List<ProfileEntry> entries = entries(area, loaded, settings, comparison -> comparison.outcome() == Outcome.WORSE,
                        trend -> trend.gettingWorse() && (!significantOnly || trend.significance() == TrendSignificance.SIGNIFICANT));
                entries.forEach(entry -> findings.add(new RedRedFinding(area, entry)));
            }
        }
        return findings;
    }

    /** One indicator's comparison for one area, for the period given or the latest. */
    Optional<Comparison> compare(String indicatorId, String areaCode, String periodKey, ProfileSettings settings) {
        Optional<Area> area = areas.find(areaCode);
        Optional<Indicator> indicator = catalogue.find(indicatorId);
        Optional<Series> series = ledger.find(indicatorId, areaCode);
        if (area.isEmpty() || indicator.isEmpty() || series.isEmpty()) {
            return Optional.empty();
        }
        Loaded loaded = load(List.of(area.get()), Map.of(areaCode, Set.of(indicatorId)), settings, new Definitions());
        Optional<PublishedValue> value = periodKey == null ? series.get().latest() : series.get().valueFor(periodKey);
        return value.map(v -> comparison(area.get(), indicator.get(), v, loaded, settings));
    }

    Optional<Trend> trend(String indicatorId, String areaCode) {
        return catalogue.find(indicatorId).flatMap(indicator -> ledger.find(indicatorId, areaCode).map(series -> trendOf(series, indicator)));
    }

    private IndicatorProfile profile(Area area, Loaded loaded, ProfileSettings settings) {
        List<ProfileEntry> entries = entries(area, loaded, settings, comparison -> true, trend -> true);
        String benchmarkName = settings.method().againstGroup() ? loaded.groups.name(area) : settings.benchmark();
        return new IndicatorProfile(area.getCode(), benchmarkName, settings.method(), entries);
    }

    /** The area's indicators whose comparison and then trend pass the tests, by indicator name. */
    private List<ProfileEntry> entries(Area area, Loaded loaded, ProfileSettings settings, Predicate<Comparison> comparisonTest,
                                       Predicate<Trend> trendTest) {
        List<ProfileEntry> entries = new ArrayList<>();
        for (String indicatorId : loaded.indicatorsByArea.getOrDefault(area.getCode(), Set.of())) {
            ProfileEntry entry = entry(area, indicatorId, loaded, settings, comparisonTest, trendTest);
            if (entry != null) {
                entries.add(entry);
            }
        }
        entries.sort(Comparator.comparing((ProfileEntry e) -> e.indicator().getName()).thenComparing(e -> e.indicator().getId()));
        return entries;
    }

    /** One indicator's entry in an area's profile, or null without a value or when a test fails. */
    private static ProfileEntry entry(Area area, String indicatorId, Loaded loaded, ProfileSettings settings,
                                      Predicate<Comparison> comparisonTest, Predicate<Trend> trendTest) {
        Series one = loaded.series.get(Series.idOf(indicatorId, area.getCode()));
        Indicator indicator = loaded.definitions.get(indicatorId);
        Optional<PublishedValue> latest = one == null ? Optional.empty() : one.latest();
        if (indicator == null || latest.isEmpty()) {
            return null;
        }
        Comparison comparison = comparison(area, indicator, latest.get(), loaded, settings);
        if (!comparisonTest.test(comparison)) {
            return null;
        }
        Trend trend = trendOf(one, indicator);
        if (!trendTest.test(trend)) {
            return null;
        }
        List<Target> targets = one.targets();
        Target target = targets.isEmpty() ? null : targets.get(targets.size() - 1);
        return new ProfileEntry(indicator, latest.get(), comparison, trend, target);
    }

    /** Whether the red-red series listed for the watched comparison answer for these settings. */
    boolean watched(ProfileSettings settings) {
        WatchedComparison watched = properties.watchedComparison();
        return settings.group() == null && settings.method() == watched.method() && settings.benchmark().equals(watched.benchmark())
                && settings.tolerancePercent() == watched.tolerancePercent();
    }

    /**
     * A page of the red-red findings for the watched comparison (the defaults), from the series each area lists as
     * red-red: the lists of the areas, the definitions, then only the page's series and their benchmark's; each is
     * checked against its series, so the cost is the page's, not every series'.
     */
    Window<RedRedFinding> watchedRedRed(List<Area> inScope, ProfileSettings settings, boolean significantOnly, ScrollPosition position, int size) {
        Map<String, Map<String, Boolean>> marked = coverage.redRedIn(inScope.stream().map(Area::getCode).toList());
        Definitions definitions = new Definitions();
        Set<String> indicatorIds = new HashSet<>();
        marked.values().forEach(byIndicator -> byIndicator.forEach((id, significant) -> {
            if (significant || !significantOnly) {
                indicatorIds.add(id);
            }
        }));
        definitions.require(indicatorIds, catalogue);
        List<Candidate> candidates = new ArrayList<>();
        for (Area area : inScope) {
            marked.getOrDefault(area.getCode(), Map.of()).entrySet().stream()
                    .filter(mark -> (mark.getValue() || !significantOnly) && definitions.get(mark.getKey()) != null)
                    .map(mark -> definitions.get(mark.getKey()))
                    .sorted(Comparator.comparing(Indicator::getName).thenComparing(Indicator::getId))
                    .forEach(indicator -> candidates.add(new Candidate(area, indicator.getId())));
        }
        Window<Candidate> page = ListPages.page(candidates, position, size);
        Set<String> ids = new HashSet<>();
        Map<String, Set<String>> indicatorsByArea = new HashMap<>();
        for (Candidate candidate : page.getContent()) {
            ids.add(Series.idOf(candidate.indicatorId(), candidate.area().getCode()));
            ids.add(Series.idOf(candidate.indicatorId(), settings.benchmark()));
            indicatorsByArea.computeIfAbsent(candidate.area().getCode(), code -> new HashSet<>()).add(candidate.indicatorId());
        }
        Loaded loaded = new Loaded(indicatorsByArea, ledger.byIds(ids), definitions, new Groups(Map.of(), settings));
        List<RedRedFinding> findings = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            Candidate candidate = page.getContent().get(i);
            ProfileEntry entry = entry(candidate.area(), candidate.indicatorId(), loaded, settings,
                    comparison -> comparison.outcome() == Outcome.WORSE,
                    trend -> trend.gettingWorse() && (!significantOnly || trend.significance() == TrendSignificance.SIGNIFICANT));
            if (entry != null) { // listed but no longer red-red: a write that failed after listing it
                findings.add(new RedRedFinding(candidate.area(), entry));
                positions.add(i);
            }
        }
        return Window.from(findings, index -> page.positionAt(positions.get(index)), page.hasNext());
    }

    private record Candidate(Area area, String indicatorId) {
    }

    private static Comparison comparison(Area area, Indicator indicator, PublishedValue value, Loaded loaded, ProfileSettings settings) {
        Subject subject = new Subject(value.value(), value.lower95(), value.upper95(), value.lower998(), value.upper998(), value.unavailableReason());
        return Comparisons.compare(settings.method(), settings.tolerancePercent(), indicator.getPolarity(), subject,
                loaded.benchmark(area, indicator.getId(), value.period().key(), settings));
    }

    private static Trend trendOf(Series series, Indicator indicator) {
        List<TrendPoint> points = series.values().stream()
                .map(v -> new TrendPoint(v.period(), v.value(), v.count(), v.denominator(), v.lower95(), v.upper95()))
                .toList();
        return Trends.of(points, indicator.getPolarity());
    }

    /** The series of the areas and of what they are compared with, read by id in one query, and the definitions. */
    private Loaded load(List<Area> forAreas, Map<String, Set<String>> indicatorsByArea, ProfileSettings settings, Definitions definitions) {
        Set<String> indicatorIds = new HashSet<>();
        forAreas.forEach(area -> indicatorIds.addAll(indicatorsByArea.getOrDefault(area.getCode(), Set.of())));
        if (indicatorIds.isEmpty()) {
            return new Loaded(indicatorsByArea, Map.of(), definitions, new Groups(Map.of(), settings));
        }
        Groups groups = settings.method().againstGroup() ? groups(forAreas, settings) : new Groups(Map.of(), settings);
        Set<String> ownIds = new HashSet<>();
        Set<String> otherIds = new HashSet<>();
        for (Area area : forAreas) {
            Set<String> own = indicatorsByArea.getOrDefault(area.getCode(), Set.of());
            List<String> comparedWith = settings.method().againstGroup() ? groups.members(area) : List.of(settings.benchmark());
            for (String indicatorId : own) {
                ownIds.add(Series.idOf(indicatorId, area.getCode()));
                comparedWith.forEach(other -> otherIds.add(Series.idOf(indicatorId, other)));
            }
        }
        otherIds.removeAll(ownIds);
        if (!settings.method().againstGroup()) {
            otherIds.removeAll(definitions.benchmarkSeries.keySet()); // read already for an earlier chunk
        }
        // the areas' own series, then what they are compared with: two queries whatever the number of indicators, each
        // half the size (the embedded server checks each document found against the whole list of ids)
        Map<String, Series> series = new HashMap<>(ledger.byIds(ownIds));
        series.putAll(ledger.byIds(otherIds));
        if (!settings.method().againstGroup()) {
            indicatorIds.forEach(id -> {
                String benchmarkId = Series.idOf(id, settings.benchmark());
                definitions.benchmarkSeries.computeIfAbsent(benchmarkId, key -> Optional.ofNullable(series.get(key)));
                definitions.benchmarkSeries.get(benchmarkId).ifPresent(found -> series.put(benchmarkId, found));
            });
        }
        definitions.require(indicatorIds, catalogue);
        return new Loaded(indicatorsByArea, series, definitions, groups);
    }

    /** Each area's group: the codes given, or the areas that share its parent (itself among them). */
    private Groups groups(List<Area> forAreas, ProfileSettings settings) {
        Map<String, List<String>> groupByArea = new HashMap<>();
        if (settings.group() != null) {
            forAreas.forEach(area -> groupByArea.put(area.getCode(), settings.group()));
        } else {
            Set<String> parents = forAreas.stream().map(Area::getParentCode).filter(Objects::nonNull).collect(Collectors.toSet());
            Map<String, List<String>> siblings = areas.childrenOf(parents).stream()
                    .collect(Collectors.groupingBy(Area::getParentCode, Collectors.mapping(Area::getCode, Collectors.toList())));
            forAreas.forEach(area -> groupByArea.put(area.getCode(),
                    area.getParentCode() == null ? List.of(area.getCode()) : siblings.getOrDefault(area.getParentCode(), List.of(area.getCode()))));
        }
        return new Groups(groupByArea, settings);
    }

    /** Areas in runs of about {@link #SERIES_PER_CHUNK} series; for the group methods, whole groups of siblings together. */
    private static List<List<Area>> chunks(List<Area> inScope, Map<String, Set<String>> indicatorsByArea, ProfileSettings settings) {
        List<Area> ordered = inScope;
        if (settings.method().againstGroup() && settings.group() == null) {
            ordered = inScope.stream().sorted(Comparator.comparing((Area a) -> String.valueOf(a.getParentCode()))).toList();
        }
        List<List<Area>> chunks = new ArrayList<>();
        List<Area> chunk = new ArrayList<>();
        int seriesInChunk = 0;
        String parent = null;
        for (Area area : ordered) {
            boolean groupBoundary = !settings.method().againstGroup() || !Objects.equals(parent, area.getParentCode());
            if (seriesInChunk >= SERIES_PER_CHUNK && groupBoundary) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                seriesInChunk = 0;
            }
            chunk.add(area);
            parent = area.getParentCode();
            seriesInChunk += indicatorsByArea.getOrDefault(area.getCode(), Set.of()).size();
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        // findings keep the order of the areas given, whatever order the chunks were read in
        if (ordered != inScope) {
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < inScope.size(); i++) {
                position.put(inScope.get(i).getCode(), i);
            }
            chunks.forEach(c -> c.sort(Comparator.comparing(a -> position.get(a.getCode()))));
        }
        return chunks;
    }

    /** Indicator definitions and benchmark series read so far, kept across the chunks of one request. */
    private static final class Definitions {

        private final Map<String, Indicator> byId = new HashMap<>();
        private final Map<String, Optional<Series>> benchmarkSeries = new HashMap<>();

        void require(Set<String> ids, IndicatorCatalogue catalogue) {
            Set<String> missing = ids.stream().filter(id -> !byId.containsKey(id)).collect(Collectors.toSet());
            if (!missing.isEmpty()) {
                catalogue.findAll(missing).forEach(indicator -> byId.put(indicator.getId(), indicator));
            }
        }

        Indicator get(String id) {
            return byId.get(id);
        }
    }

    private record Groups(Map<String, List<String>> groupByArea, ProfileSettings settings) {

        List<String> members(Area area) {
            return groupByArea.getOrDefault(area.getCode(), List.of(area.getCode()));
        }

        String name(Area area) {
            return settings.groupName() != null ? settings.groupName()
                    : settings.group() != null ? "areas " + String.join(", ", settings.group())
                    : area.getParentCode() == null ? area.getCode() : "areas within " + area.getParentCode();
        }
    }

    /** What the profiles of some areas are worked out from. */
    private record Loaded(Map<String, Set<String>> indicatorsByArea, Map<String, Series> series, Definitions definitions, Groups groups) {

        /** The benchmark for a value of an area: the benchmark area's value or the values of the area's group. */
        Benchmark benchmark(Area area, String indicatorId, String periodKey, ProfileSettings settings) {
            if (!settings.method().againstGroup()) {
                Series benchmark = series.get(Series.idOf(indicatorId, settings.benchmark()));
                Double value = benchmark == null ? null : benchmark.valueFor(periodKey).map(PublishedValue::value).orElse(null);
                return Benchmark.area(settings.benchmark(), value);
            }
            List<Double> values = groups.members(area).stream()
                    .map(member -> series.get(Series.idOf(indicatorId, member))).filter(Objects::nonNull)
                    .map(s -> s.valueFor(periodKey).map(PublishedValue::value).orElse(null))
                    .toList();
            return Benchmark.group(groups.name(area), values);
        }
    }
}
