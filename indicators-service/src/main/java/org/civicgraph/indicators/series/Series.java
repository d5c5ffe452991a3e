package org.civicgraph.indicators.series;

import org.civicgraph.indicators.indicator.Polarity;
import org.civicgraph.indicators.period.Period;
import org.civicgraph.indicators.targets.TargetRule;
import org.civicgraph.indicators.targets.TargetVerdict;
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
 * target it misses are changed and announced in one write.
 */
@Document("series")
@CompoundIndex(name = "area_indicator", def = "{'areaCode': 1, 'indicatorId': 1}")
public class Series extends AggregateRoot {

    static final String VALUE_PUBLISHED = "org.civicgraph.indicators.value.published.v1";
    static final String VALUE_REVISED = "org.civicgraph.indicators.value.revised.v1";
    static final String TARGET_SET = "org.civicgraph.indicators.targets.set.v1";
    static final String TARGET_MISSED = "org.civicgraph.indicators.targets.missed.v1";

    @Indexed
    private String indicatorId;
    private String areaCode;
    private List<PeriodValue> values = new ArrayList<>();
    private List<SeriesTarget> targets = new ArrayList<>();

    Series() {
    }

    static Series start(String indicatorId, String areaCode) {
        Series series = new Series();
        series.id = idOf(indicatorId, areaCode);
        series.indicatorId = indicatorId;
        series.areaCode = areaCode;
        return series;
    }

    static String idOf(String indicatorId, String areaCode) {
        return indicatorId + ":" + areaCode;
    }

    /** Publishes a period's value, or revises it keeping the one before, then judges the targets again. */
    PublishOutcome publish(Period period, Reading reading, Polarity polarity) {
        Optional<PeriodValue> existing = valueFor(period);
        if (existing.isEmpty()) {
            values.add(new PeriodValue(period, reading));
            values.sort(Comparator.comparing((PeriodValue v) -> v.getPeriod().start()).thenComparing(v -> v.getPeriod().end()));
            Map<String, Object> data = about(period);
            data.putAll(reading.figures());
            data.put("publishedBy", reading.publishedBy());
            recordEvent(VALUE_PUBLISHED, subject(), data);
            judgeTargets(polarity);
            return PublishOutcome.PUBLISHED;
        }
        PeriodValue value = existing.get();
        if (value.getCurrent().sameAs(reading)) {
            return PublishOutcome.UNCHANGED;
        }
        FieldChanges changes = new FieldChanges();
        Map<String, Object> before = value.getCurrent().figures();
        reading.figures().forEach((field, figure) -> changes.set(field, before.get(field), figure));
        value.revise(period, reading);
        Map<String, Object> data = changes.eventData("seriesId", id, reading.publishedBy());
        data.putAll(about(period));
        recordEvent(VALUE_REVISED, subject(), data);
        judgeTargets(polarity);
        return PublishOutcome.REVISED;
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

    /** Announces a target as missed when its verdict turns from achieved, or from none, to missed. */
    private void judgeTargets(Polarity polarity) {
        for (SeriesTarget target : targets) {
            Double actual = figureFor(target.getPeriod());
            TargetVerdict verdict = TargetRule.verdict(polarity, target.getTarget(), target.getTolerance(), actual,
                    previousFigure(target.getPeriod()));
            TargetVerdict before = target.judge(verdict);
            if (verdict != null && verdict.isMissed() && (before == null || !before.isMissed())) {
                Map<String, Object> data = about(target.getPeriod());
                data.put("target", target.getTarget());
                data.put("tolerance", target.getTolerance());
                data.put("actual", actual);
                data.put("verdict", verdict.name());
                recordEvent(TARGET_MISSED, subject(), data);
            }
        }
    }

    private Double figureFor(Period period) {
        return valueFor(period).map(value -> value.getCurrent().value()).orElse(null);
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
        return values.stream().filter(value -> value.getPeriod().key().equals(period.key())).findFirst();
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

    public List<Target> targets() {
        return targets.stream().map(target -> new Target(indicatorId, areaCode, target.getPeriod(), target.getTarget(), target.getTolerance(),
                valueFor(target.getPeriod().key()).orElse(null), target.getVerdict(), target.getReportedVerdict(), target.getNote())).toList();
    }
}
