package org.civicgraph.indicators.series;

import org.civicgraph.indicators.IndicatorsProperties;
import org.civicgraph.indicators.IndicatorsProperties.WatchedComparison;
import org.civicgraph.indicators.indicator.Indicator;
import org.civicgraph.indicators.indicator.PolarityChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Judges series again when their benchmark's value changes: every area's standing against the benchmark may move
 * (England's new figure can turn an area from Similar to Worse), and each move is announced by its series; and when
 * an indicator's polarity changes.
 */
@Component
class Standings {

    private static final Logger log = LoggerFactory.getLogger(Standings.class);

    private static final int ATTEMPTS = 5;
    private static final int SERIES_PER_BATCH = 2_000;

    private final SeriesStore store;
    private final SeriesCoverage coverage;
    private final WatchedComparison watched;

    Standings(SeriesStore store, SeriesCoverage coverage, IndicatorsProperties properties) {
        this.store = store;
        this.coverage = coverage;
        this.watched = properties.watchedComparison();
    }

    WatchedComparison watched() {
        return watched;
    }

    /**
     * An indicator's polarity changed: what was Better is now Worse, a rising trend may now be getting worse, a target
     * met may now be missed. Every series of the indicator is judged again, and each move announced by its series.
     */
    @EventListener
    void polarityChanged(PolarityChanged change) {
        log.info("Judging every series of {} again: its polarity changed", change.indicator().getId());
        rejudgeAll(change.indicator());
        rejudgeTargets(change.indicator());
    }

    private void rejudgeTargets(Indicator indicator) {
        List<String> ids = coverage.areasWith(indicator.getId()).stream().map(area -> Series.idOf(indicator.getId(), area)).toList();
        for (int from = 0; from < ids.size(); from += SERIES_PER_BATCH) {
            Collection<String> pending = ids.subList(from, Math.min(ids.size(), from + SERIES_PER_BATCH));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw new OptimisticLockingFailureException("Series " + pending + " kept changing while their targets were judged again");
                }
                List<Series> changed = store.load(pending).values().stream().filter(one -> one.rejudgeTargets(indicator.getPolarity())).toList();
                pending = store.writeAll(changed);
            }
        }
    }

    /** Judges every other area's series of the indicator against the benchmark's series as it now stands. */
    void rejudgeAll(Indicator indicator) {
        String benchmarkId = Series.idOf(indicator.getId(), watched.benchmark());
        Series benchmark = store.load(Set.of(benchmarkId)).get(benchmarkId);
        List<String> ids = coverage.areasWith(indicator.getId()).stream()
                .filter(area -> !area.equals(watched.benchmark()))
                .map(area -> Series.idOf(indicator.getId(), area))
                .toList();
        rejudge(ids, indicator, benchmark);
    }

    /** Judges the given series of one indicator against the benchmark's series, writing those whose standing moved. */
    void rejudge(Collection<String> ids, Indicator indicator, Series benchmark) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += SERIES_PER_BATCH) {
            Collection<String> pending = all.subList(from, Math.min(all.size(), from + SERIES_PER_BATCH));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw new OptimisticLockingFailureException("Series " + pending + " kept changing while being judged again");
                }
                List<Series> moved = new ArrayList<>();
                List<SeriesCoverage.RedRedChange> redRed = new ArrayList<>();
                for (Series one : store.load(pending).values()) {
                    RedRed before = one.redRed();
                    if (one.judgeStanding(watched, indicator.getPolarity(), benchmark)) {
                        moved.add(one);
                        redRed.add(SeriesCoverage.RedRedChange.of(one, before));
                    }
                }
                coverage.markRedRed(redRed, true, Set.of());
                Set<String> notWritten = store.writeAll(moved);
                coverage.markRedRed(redRed, false, notWritten);
                pending = notWritten;
            }
        }
    }
}
