package org.civicgraph.indicators.series;

import org.civicgraph.indicators.IndicatorsProperties.WatchedComparison;
import org.civicgraph.indicators.comparison.Benchmark;
import org.civicgraph.indicators.comparison.Comparison;
import org.civicgraph.indicators.comparison.Comparisons;
import org.civicgraph.indicators.comparison.Outcome;
import org.civicgraph.indicators.comparison.Subject;
import org.civicgraph.indicators.indicator.Polarity;
import org.civicgraph.indicators.period.Period;
import org.civicgraph.indicators.targets.TargetRule;
import org.civicgraph.indicators.targets.TargetVerdict;
import org.civicgraph.indicators.trend.Trend;
import org.civicgraph.indicators.trend.TrendPoint;
import org.civicgraph.indicators.trend.TrendSignificance;
import org.civicgraph.indicators.trend.Trends;
import org.civicgraph.platform.events.AggregateRoot;
import org.civicgraph.platform.events.FieldChanges;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of one indicator in one area, period by period with every revision, and the targets set for its
 * periods. One document holds them all, so an area's profile reads one document per indicator, and a value and the
 * target it misses are changed and announced in one write. It also keeps how its latest value stands against the
 * watched benchmark ({@link Standing}), so a value that moves the area from Similar to Worse is announced with it.
 * <p>
 * The unique index on id and version is for stores without secondary indexes (the embedded server): it lets the
 * optimistic-locking write ({@code _id} and {@code version}) find its document by index rather than by a scan.
 */
@Document("series")
@CompoundIndex(name = "area_indicator", def = "{'areaCode': 1, 'indicatorId': 1}")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public class Series extends AggregateRoot {

    static final String VALUE_PUBLISHED = "org.civicgraph.indicators.value.published.v1";
    static final String VALUE_REVISED = "org.civicgraph.indicators.value.revised.v1";
    static final String TARGET_SET = "org.civicgraph.indicators.targets.set.v1";
    static final String TARGET_MISSED = "org.civicgraph.indicators.targets.missed.v1";
    static final String COMPARISON_CHANGED = "org.civicgraph.indicators.comparison.changed.v1";

    @Indexed
    private String indicatorId;
    private String areaCode;
    private List<PeriodValue> values = new ArrayList<>();
    private List<SeriesTarget> targets = new ArrayList<>();
    private Standing standing;
    private RedRed redRed;

    Series() {
    }

    static Series start(String indicatorId, String areaCode) {
        Series series = new Series();
        series.id = idOf(indicatorId, areaCode);
        series.indicatorId = indicatorId;
        series.areaCode = areaCode;
        return series;
    }

    /** The id of the series of an indicator in an area. */
    public static String idOf(String indicatorId, String areaCode) {
        return indicatorId + ":" + areaCode;
    }

    /** Publishes a period's value, or revises it keeping the one before, then judges the targets again. */
    PublishOutcome publish(Period period, Reading reading, Polarity polarity) {
        return publish(period, reading, polarity, true);
    }

    /**
     * Publishes or revises a period's value. An import announces its values in one event of its own, so it passes
     * {@code announce} false: the value is kept all the same, and a target it misses is still announced.
     */
    PublishOutcome publish(Period period, Reading reading, Polarity polarity, boolean announce) {
        Optional<PeriodValue> existing = valueFor(period);
        if (existing.isEmpty()) {
            values.add(new PeriodValue(period, reading));
            if (values.size() > 1) {
                values.sort(Comparator.comparing((PeriodValue v) -> v.getPeriod().start()).thenComparing(v -> v.getPeriod().end()));
            }
            if (announce) {
                Map<String, Object> data = about(period);
                data.putAll(reading.figures());
                data.put("publishedBy", reading.publishedBy());
                recordEvent(VALUE_PUBLISHED, subject(), data);
            }
            judgeTargets(polarity);
            return PublishOutcome.PUBLISHED;
        }
        PeriodValue value = existing.get();
        if (value.getCurrent().sameAs(reading)) {
            return PublishOutcome.UNCHANGED;
        }
        if (announce) {
            FieldChanges changes = new FieldChanges();
            Map<String, Object> before = value.getCurrent().figures();
            reading.figures().forEach((field, figure) -> changes.set(field, before.get(field), figure));
            Map<String, Object> data = changes.eventData("seriesId", id, reading.publishedBy());
            data.putAll(about(period));
            recordEvent(VALUE_REVISED, subject(), data);
        }
        value.revise(period, reading);
        judgeTargets(polarity);
        return PublishOutcome.REVISED;
    }

    /**
     * Judges the latest value against the watched benchmark's value for the same period, given the benchmark's
     * series (null when it has none). When the outcome differs from the one last judged, records
     * {@value #COMPARISON_CHANGED}, such as an area moving from Similar to Worse. A value that cannot be compared
     * (no benchmark value, or the area's value unavailable) leaves the last judgement standing. The benchmark area
     * itself is not judged. Also notes whether the series is now red-red ({@link #redRed()}): worse and getting
     * worse. Returns whether either changed, so the series needs writing.
     */
    boolean judgeStanding(WatchedComparison watched, Polarity polarity, Series benchmark) {
        if (areaCode.equals(watched.benchmark()) || values.isEmpty()) {
            return false;
        }
        PeriodValue latest = latestValue();
        Reading reading = latest.getCurrent();
        Double benchmarkValue = benchmark == null ? null : benchmark.figureFor(latest.getPeriod());
        Comparison comparison = Comparisons.compare(watched.method(), watched.tolerancePercent(), polarity,
                new Subject(reading.value(), reading.lower95(), reading.upper95(), reading.lower998(), reading.upper998(), reading.unavailableReason()),
                Benchmark.area(watched.benchmark(), benchmarkValue));
        RedRed nowRedRed = null;
        if (comparison.outcome() == Outcome.WORSE) {
            Trend trend = trend(polarity);
            if (trend.gettingWorse()) {
                nowRedRed = trend.significance() == TrendSignificance.SIGNIFICANT ? RedRed.SIGNIFICANTLY_WORSE : RedRed.GETTING_WORSE;
            }
        }
        boolean changed = nowRedRed != redRed;
        redRed = nowRedRed;
        if (comparison.outcome() == Outcome.NOT_COMPARED) {
            return changed;
        }
        Standing next = new Standing(latest.getPeriod().key(), latest.getPeriod().label(), comparison.outcome(), watched);
        if (next.equals(standing)) {
            return changed;
        }
        if (standing != null && standing.judgedAs(watched) && standing.outcome() != next.outcome()) {
            Map<String, Object> data = about(latest.getPeriod());
            data.put("method", watched.method().name());
            data.put("benchmark", watched.benchmark());
            data.put("benchmarkValue", benchmarkValue);
            data.put("value", reading.value());
            data.put("previousOutcome", standing.outcome().name());
            data.put("previousPeriod", standing.periodLabel());
            data.put("outcome", next.outcome().name());
            recordEvent(COMPARISON_CHANGED, subject(), data);
        }
        standing = next;
        return true;
    }

    /** The trend of the series' values, as the profile works it out. */
    public Trend trend(Polarity polarity) {
        List<TrendPoint> points = new ArrayList<>(values.size());
        for (PeriodValue value : values) {
            Reading reading = value.getCurrent();
            points.add(new TrendPoint(value.getPeriod(), reading.value(), reading.count(), reading.denominator(), reading.lower95(), reading.upper95()));
        }
        return Trends.of(points, polarity);
    }

    /** Whether the latest value is worse than the watched benchmark and getting worse, as last judged; null when not. */
    public RedRed redRed() {
        return redRed;
    }

    /** Sets or replaces a period's target, then judges it against the period's value. */
    void setTarget(SeriesTarget target, Polarity polarity) {
        targets.removeIf(existing -> existing.getPeriod().key().equals(target.getPeriod().key()));
        targets.add(target);
        targets.sort(Comparator.comparing(t -> t.getPeriod().start()));
        Map<String, Object> data = about(target.getPeriod());
        data.put("target", target.getTarget());
        data.put("tolerance", target.getTolerance());
        data.put("reportedVerdict", target.getReportedVerdict() == null ? null : target.getReportedVerdict().name());
        data.put("note", target.getNote());
        data.put("setBy", target.getSetBy());
        recordEvent(TARGET_SET, subject(), data);
        judgeTargets(polarity);
    }

    /**
     * Judges the targets again under a polarity that has changed; returns whether any verdict changed. A target that
     * turns missed is announced as such.
     */
    boolean rejudgeTargets(Polarity polarity) {
        return judgeTargets(polarity);
    }

    /** Announces a target as missed when its verdict turns from achieved, or from none, to missed; returns whether any verdict changed. */
    private boolean judgeTargets(Polarity polarity) {
        boolean changed = false;
        for (SeriesTarget target : targets) {
            Double actual = figureFor(target.getPeriod());
            TargetVerdict verdict = TargetRule.verdict(polarity, target.getTarget(), target.getTolerance(), actual,
                    previousFigure(target.getPeriod()));
            TargetVerdict before = target.judge(verdict);
            changed |= before != verdict;
            if (verdict != null && verdict.isMissed() && (before == null || !before.isMissed())) {
                Map<String, Object> data = about(target.getPeriod());
                data.put("target", target.getTarget());
                data.put("tolerance", target.getTolerance());
                data.put("actual", actual);
                data.put("verdict", verdict.name());
                recordEvent(TARGET_MISSED, subject(), data);
            }
        }
        return changed;
    }

    private Double figureFor(Period period) {
        for (PeriodValue value : values) {
            if (value.getPeriod().sameDaysAs(period)) {
                return value.getCurrent().value();
            }
        }
        return null;
    }

    /** The figure and period of the latest value, to notice when an import changes a benchmark's latest value. */
    String latestFigure() {
        if (values.isEmpty()) {
            return null;
        }
        PeriodValue latest = latestValue();
        return latest.getPeriod().key() + "=" + latest.getCurrent().value();
    }

    private PeriodValue latestValue() {
        return values.stream().max(Comparator.comparing((PeriodValue v) -> v.getPeriod().end()).thenComparing(v -> v.getPeriod().start())).orElseThrow();
    }

    /** The figure of the latest comparable period that ends before this one starts. */
    private Double previousFigure(Period period) {
        Double previous = null;
        for (PeriodValue value : values) {
            Period earlier = value.getPeriod();
            if (earlier.end().isBefore(period.start()) && earlier.isComparableWith(period) && value.getCurrent().value() != null) {
                previous = value.getCurrent().value();
            }
        }
        return previous;
    }

    private Optional<PeriodValue> valueFor(Period period) {
        for (PeriodValue value : values) {
            if (value.getPeriod().sameDaysAs(period)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> about(Period period) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seriesId", id);
        data.put("indicatorId", indicatorId);
        data.put("areaCode", areaCode);
        Map<String, Object> periodData = new LinkedHashMap<>();
        periodData.put("label", period.label());
        periodData.put("type", period.type().name());
        periodData.put("start", period.start().toString());
        periodData.put("end", period.end().toString());
        data.put("period", periodData);
        return data;
    }

    private String subject() {
        return "indicators/" + indicatorId + "/areas/" + areaCode;
    }

    public String getIndicatorId() {
        return indicatorId;
    }

    public String getAreaCode() {
        return areaCode;
    }

    /** Every period's value, earliest first. */
    public List<PublishedValue> values() {
        return values.stream().map(value -> PublishedValue.of(indicatorId, areaCode, value)).toList();
    }

    /** The value of the period that ends last (the most recent data), if any. */
    public Optional<PublishedValue> latest() {
        return values.stream().max(Comparator.comparing((PeriodValue v) -> v.getPeriod().end()).thenComparing(v -> v.getPeriod().start()))
                .map(value -> PublishedValue.of(indicatorId, areaCode, value));
    }

    /** The value for the same days as the given period, however it was written. */
    public Optional<PublishedValue> valueFor(String periodKey) {
        return values.stream().filter(value -> value.getPeriod().key().equals(periodKey)).findFirst()
                .map(value -> PublishedValue.of(indicatorId, areaCode, value));
    }

    /** How the latest value stood against the watched benchmark when last judged; null until it could be judged. */
    public Standing standing() {
        return standing;
    }

    public List<Target> targets() {
        return targets.stream().map(target -> new Target(indicatorId, areaCode, target.getPeriod(), target.getTarget(), target.getTolerance(),
                valueFor(target.getPeriod().key()).orElse(null), target.getVerdict(), target.getReportedVerdict(), target.getNote())).toList();
    }
}
