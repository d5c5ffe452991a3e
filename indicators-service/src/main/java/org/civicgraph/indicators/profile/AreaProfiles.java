package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.area.Area;
import org.civicgraph.indicators.area.AreaRegister;
import org.civicgraph.indicators.comparison.Benchmark;
import org.civicgraph.indicators.comparison.Comparison;
import org.civicgraph.indicators.comparison.Comparisons;
import org.civicgraph.indicators.comparison.Subject;
import org.civicgraph.indicators.indicator.Indicator;
import org.civicgraph.indicators.indicator.IndicatorCatalogue;
import org.civicgraph.indicators.series.PublishedValue;
import org.civicgraph.indicators.series.Series;
import org.civicgraph.indicators.series.SeriesLedger;
import org.civicgraph.indicators.series.Target;
import org.civicgraph.indicators.trend.Trend;
import org.civicgraph.indicators.trend.TrendPoint;
import org.civicgraph.indicators.trend.Trends;
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
import java.util.stream.Collectors;

/**
 * Profiles of many areas at once. The number of database queries does not grow with the number of indicators or
 * areas: the areas' series, their definitions, and the benchmark's or the groups' series (with the groups' members),
 * one query each.
 */
@Service
class AreaProfiles {

    private final SeriesLedger ledger;
    private final IndicatorCatalogue catalogue;
    private final AreaRegister areas;

    AreaProfiles(SeriesLedger ledger, IndicatorCatalogue catalogue, AreaRegister areas) {
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.areas = areas;
    }

    /** One profile per area, in the order given. */
    List<IndicatorProfile> of(List<Area> forAreas, ProfileSettings settings) {
        Set<String> codes = forAreas.stream().map(Area::getCode).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, List<Series>> seriesByArea = ledger.inAreas(codes).stream().collect(Collectors.groupingBy(Series::getAreaCode));
        Set<String> indicatorIds = seriesByArea.values().stream().flatMap(List::stream).map(Series::getIndicatorId).collect(Collectors.toSet());
        Map<String, Indicator> indicators = catalogue.findAll(indicatorIds).stream().collect(Collectors.toMap(Indicator::getId, i -> i));
        Benchmarks benchmarks = settings.method().againstGroup()
                ? groupBenchmarks(forAreas, settings, indicatorIds)
                : areaBenchmark(settings, indicatorIds);
        return forAreas.stream()
                .map(area -> profile(area, seriesByArea.getOrDefault(area.getCode(), List.of()), indicators, benchmarks, settings))
                .toList();
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

    /** One indicator's comparison for one area, for the period given or the latest. */
    Optional<Comparison> compare(String indicatorId, String areaCode, String periodKey, ProfileSettings settings) {
        Optional<Area> area = areas.find(areaCode);
        Optional<Indicator> indicator = catalogue.find(indicatorId);
        Optional<Series> series = ledger.find(indicatorId, areaCode);
        if (area.isEmpty() || indicator.isEmpty() || series.isEmpty()) {
            return Optional.empty();
        }
        Benchmarks benchmarks = settings.method().againstGroup()
                ? groupBenchmarks(List.of(area.get()), settings, Set.of(indicatorId))
                : areaBenchmark(settings, Set.of(indicatorId));
        Optional<PublishedValue> value = periodKey == null ? series.get().latest() : series.get().valueFor(periodKey);
        return value.map(v -> comparison(area.get(), indicator.get(), v, benchmarks, settings));
    }

    Optional<Trend> trend(String indicatorId, String areaCode) {
        return catalogue.find(indicatorId).flatMap(indicator -> ledger.find(indicatorId, areaCode).map(series -> trendOf(series, indicator)));
    }

    private IndicatorProfile profile(Area area, List<Series> series, Map<String, Indicator> indicators, Benchmarks benchmarks,
                                     ProfileSettings settings) {
        List<ProfileEntry> entries = new ArrayList<>();
        for (Series one : series) {
            Indicator indicator = indicators.get(one.getIndicatorId());
            Optional<PublishedValue> latest = one.latest();
            if (indicator == null || latest.isEmpty()) {
                continue;
            }
            Comparison comparison = comparison(area, indicator, latest.get(), benchmarks, settings);
            List<Target> targets = one.targets();
            Target target = targets.isEmpty() ? null : targets.get(targets.size() - 1);
            entries.add(new ProfileEntry(indicator, latest.get(), comparison, trendOf(one, indicator), target));
        }
        entries.sort(Comparator.comparing((ProfileEntry e) -> e.indicator().getName()).thenComparing(e -> e.indicator().getId()));
        String benchmarkName = settings.method().againstGroup() ? benchmarks.groupName(area) : settings.benchmark();
        return new IndicatorProfile(area.getCode(), benchmarkName, settings.method(), entries);
    }

    private static Comparison comparison(Area area, Indicator indicator, PublishedValue value, Benchmarks benchmarks, ProfileSettings settings) {
        Subject subject = new Subject(value.value(), value.lower95(), value.upper95(), value.lower998(), value.upper998(), value.unavailableReason());
        return Comparisons.compare(settings.method(), settings.tolerancePercent(), indicator.getPolarity(), subject,
                benchmarks.forValue(area, indicator.getId(), value.period().key()));
    }

    private static Trend trendOf(Series series, Indicator indicator) {
        List<TrendPoint> points = series.values().stream()
                .map(v -> new TrendPoint(v.period(), v.value(), v.count(), v.denominator(), v.lower95(), v.upper95()))
                .toList();
        return Trends.of(points, indicator.getPolarity());
    }

    private Benchmarks areaBenchmark(ProfileSettings settings, Set<String> indicatorIds) {
        Map<String, Series> benchmarkSeries = ledger.of(indicatorIds, Set.of(settings.benchmark())).stream()
                .collect(Collectors.toMap(Series::getIndicatorId, s -> s));
        return new Benchmarks() {
            @Override
            public Benchmark forValue(Area area, String indicatorId, String periodKey) {
                Double value = Optional.ofNullable(benchmarkSeries.get(indicatorId)).flatMap(s -> s.valueFor(periodKey))
                        .map(PublishedValue::value).orElse(null);
                return Benchmark.area(settings.benchmark(), value);
            }

            @Override
            public String groupName(Area area) {
                return settings.benchmark();
            }
        };
    }

    /** Each area's group: the codes given, or the areas that share its parent (itself among them). */
    private Benchmarks groupBenchmarks(List<Area> forAreas, ProfileSettings settings, Set<String> indicatorIds) {
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
        Set<String> members = new HashSet<>();
        groupByArea.values().forEach(members::addAll);
        Map<String, Map<String, Series>> seriesByIndicatorAndArea = new HashMap<>();
        for (Series one : ledger.of(indicatorIds, members)) {
            seriesByIndicatorAndArea.computeIfAbsent(one.getIndicatorId(), id -> new HashMap<>()).put(one.getAreaCode(), one);
        }
        return new Benchmarks() {
            @Override
            public Benchmark forValue(Area area, String indicatorId, String periodKey) {
                Map<String, Series> byArea = seriesByIndicatorAndArea.getOrDefault(indicatorId, Map.of());
                List<Double> values = groupByArea.get(area.getCode()).stream()
                        .map(byArea::get).filter(Objects::nonNull)
                        .map(s -> s.valueFor(periodKey).map(PublishedValue::value).orElse(null))
                        .toList();
                return Benchmark.group(groupName(area), values);
            }

            @Override
            public String groupName(Area area) {
                return settings.group() != null ? "areas " + String.join(", ", settings.group())
                        : area.getParentCode() == null ? area.getCode() : "areas within " + area.getParentCode();
            }
        };
    }

    /** The benchmark for a value of an area: a benchmark area's value or the values of the area's group. */
    private interface Benchmarks {

        Benchmark forValue(Area area, String indicatorId, String periodKey);

        String groupName(Area area);
    }
}
