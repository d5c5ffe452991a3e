package org.civicgraph.indicators.series;

import org.civicgraph.indicators.area.AreaRegister;
import org.civicgraph.indicators.indicator.Indicator;
import org.civicgraph.indicators.indicator.IndicatorCatalogue;
import org.civicgraph.indicators.period.Period;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the published values and targets of indicators in areas. Anyone may read them; only editors of the
 * organisation that owns an indicator publish its values and set its targets.
 */
@Service
public class SeriesLedger {

    private final AllSeries series;
    private final IndicatorCatalogue indicators;
    private final AreaRegister areas;
    private final MongoTemplate mongo;
    private final SeriesCoverage coverage;
    private final SeriesStore store;
    private final Standings standings;

    SeriesLedger(AllSeries series, IndicatorCatalogue indicators, AreaRegister areas, MongoTemplate mongo, SeriesCoverage coverage,
                 SeriesStore store, Standings standings) {
        this.series = series;
        this.indicators = indicators;
        this.areas = areas;
        this.mongo = mongo;
        this.coverage = coverage;
        this.store = store;
        this.standings = standings;
    }

    public Optional<Series> find(String indicatorId, String areaCode) {
        return series.findById(Series.idOf(indicatorId, areaCode));
    }

    /** The series with the given ids ({@link Series#idOf}) that exist, by id; one query per 2,000 ids. */
    public Map<String, Series> byIds(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : store.load(ids);
    }

    Published publish(PublishValueInput input) {
        Indicator indicator = indicators.require(input.indicatorId(), "indicatorId");
        Caller caller = RecordAccess.requireCanEdit(indicator.getOwnerOrganisation());
        return record(indicator, input, caller.subject());
    }

    /**
     * Validates and records a value for someone already allowed to, such as the demo data loader, judging the
     * area's standing against the watched benchmark with it; a new value of the benchmark itself has every other
     * area of the indicator judged again.
     */
    Published record(Indicator indicator, PublishValueInput input, String publishedBy) {
        requireArea(input.areaCode());
        Period period = ValueRules.period(input.period());
        Reading reading = ValueRules.reading(input, indicator.getUnit(), period, publishedBy);
        boolean isBenchmark = input.areaCode().equals(standings.watched().benchmark());
        Published published = ConflictRetry.run(() -> {
            Series one = load(indicator.getId(), input.areaCode());
            PublishOutcome outcome = one.publish(period, reading, indicator.getPolarity());
            if (outcome == PublishOutcome.UNCHANGED) {
                return new Published(one.valueFor(period.key()).orElseThrow(), outcome);
            }
            RedRed before = one.redRed();
            if (!isBenchmark) {
                one.judgeStanding(standings.watched(), indicator.getPolarity(), find(indicator.getId(), standings.watched().benchmark()).orElse(null));
            }
            List<SeriesCoverage.RedRedChange> redRed = List.of(SeriesCoverage.RedRedChange.of(one, before));
            if (one.getVersion() == null) {
                coverage.add(input.areaCode(), indicator.getId()); // before the series, so coverage never misses one
            }
            coverage.markRedRed(redRed, true, Set.of());
            Series saved = save(one);
            coverage.markRedRed(redRed, false, Set.of());
            return new Published(saved.valueFor(period.key()).orElseThrow(), outcome);
        });
        if (isBenchmark && published.outcome() != PublishOutcome.UNCHANGED) {
            standings.rejudgeAll(indicator);
        }
        return published;
    }

    Target setTarget(SetTargetInput input) {
        Indicator indicator = indicators.require(input.indicatorId(), "indicatorId");
        Caller caller = RecordAccess.requireCanEdit(indicator.getOwnerOrganisation());
        return addTarget(indicator, input, caller.subject());
    }

    /** Validates and sets a target for someone already allowed to, such as the demo data loader. */
    Target addTarget(Indicator indicator, SetTargetInput input, String setBy) {
        requireArea(input.areaCode());
        Period period = ValueRules.period(input.period());
        if (input.target() == null && input.reportedVerdict() == null) {
            throw new InvalidInputException("target", "target is required, unless reportedVerdict records a report's verdict without its target");
        }
        double tolerance = input.tolerance() == null ? 0 : input.tolerance();
        if (tolerance < 0) {
            throw new InvalidInputException("tolerance", "tolerance must not be negative");
        }
        SeriesTarget target = new SeriesTarget(period, input.target(), tolerance, input.reportedVerdict(), input.note(), Instant.now(), setBy);
        return ConflictRetry.run(() -> {
            Series one = load(indicator.getId(), input.areaCode());
            one.setTarget(target, indicator.getPolarity());
            if (one.getVersion() == null) {
                coverage.add(input.areaCode(), indicator.getId());
            }
            return save(one).targets().stream().filter(t -> t.period().key().equals(period.key())).findFirst().orElseThrow();
        });
    }

    /** Targets by indicator, area and period, with the verdict asked for; in one query. */
    List<Target> targets(TargetFilter filter) {
        Query query = Query.query(Criteria.where("targets.0").exists(true)).with(Sort.by("indicatorId", "areaCode"));
        if (filter.indicatorId() != null) {
            query.addCriteria(Criteria.where("indicatorId").is(filter.indicatorId()));
        }
        if (filter.areaCode() != null) {
            query.addCriteria(Criteria.where("areaCode").is(filter.areaCode()));
        }
        return mongo.find(query, Series.class).stream()
                .flatMap(one -> one.targets().stream())
                .filter(target -> filter.verdict() == null || filter.verdict() == target.verdict())
                .toList();
    }

    /** Whether any series is stored: reads one document, where counting would read them all on the embedded server. */
    boolean hasSeries() {
        return mongo.exists(new Query(), Series.class);
    }

    /** Whether any series has a target: stops at the first. */
    boolean hasTargets() {
        return mongo.exists(Query.query(Criteria.where("targets.0").exists(true)), Series.class);
    }

    private void requireArea(String areaCode) {
        if (!areas.exists(areaCode)) {
            throw new InvalidInputException("areaCode", "No area has the code " + areaCode + "; areas are named by ONS GSS code, such as E07000136");
        }
    }

    private Series load(String indicatorId, String areaCode) {
        return find(indicatorId, areaCode).orElseGet(() -> Series.start(indicatorId, areaCode));
    }

    private Series save(Series one) {
        try {
            return series.save(one);
        } catch (DuplicateKeyException createdMeanwhile) {
            // another request started the same series first: load theirs and apply the change again
            throw new OptimisticLockingFailureException("Series " + one.getId() + " was created concurrently", createdMeanwhile);
        }
    }

    /** A value as published, and whether it was new, a revision, or the same again. */
    record Published(PublishedValue value, PublishOutcome outcome) {
    }
}
