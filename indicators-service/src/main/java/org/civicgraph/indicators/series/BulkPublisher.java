package org.civicgraph.indicators.series;

import org.civicgraph.indicators.IndicatorsProperties;
import org.civicgraph.indicators.IndicatorsProperties.WatchedComparison;
import org.civicgraph.indicators.indicator.Indicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Publishes the checked rows of an import in batches: per batch, one query reads the series that exist (the
 * coverage says which do, so new series cost no read), the domain applies each value as a single publish would
 * (revisions kept, targets judged, standings judged), and one bulk write stores the changed series. A series that
 * someone changed meanwhile is read and changed again; the rest of its batch stands. A batch's bulk write runs on a
 * writer thread while the next batch is read from the file and applied, one batch in flight: the database stores one
 * while the service prepares the other.
 * <p>
 * The coverage of every series the import may create is written first, in one bulk write, and the red-red list of
 * each area last, in another: two writes per area for the whole import, not per batch. The benchmark area's rows go
 * first, so every other area is judged against the benchmark's new figures as it is written; the areas the import
 * does not touch are judged again afterwards when the benchmark's latest value moved.
 * <p>
 * Without multi-document transactions an interrupted import leaves the batches written so far; applying the same
 * file again completes it (values already published come out unchanged) and lists its red-red series again.
 */
@Service
public class BulkPublisher {

    private static final Logger log = LoggerFactory.getLogger(BulkPublisher.class);
    private static final int ATTEMPTS = 5;

    private final SeriesStore store;
    private final SeriesCoverage coverage;
    private final Standings standings;
    private final int batchSize;

    BulkPublisher(SeriesStore store, SeriesCoverage coverage, Standings standings, IndicatorsProperties properties) {
        this.store = store;
        this.coverage = coverage;
        this.standings = standings;
        this.batchSize = properties.imports().batchSize();
    }

    /**
     * Applies the rows, or with {@code dryRun} works out what applying them would do and writes nothing.
     *
     * @param indicatorsByArea the indicators the rows give values of in each area
     * @param progress         told the number of rows applied so far after each batch
     */
    public ImportTally apply(ValueRows rows, Map<String, Set<String>> indicatorsByArea, String publishedBy, boolean dryRun, LongConsumer progress) {
        Run run = new Run(publishedBy, dryRun, progress);
        long started = System.nanoTime();
        if (!dryRun) {
            Map<String, Set<String>> added = new HashMap<>();
            indicatorsByArea.forEach((area, ids) -> ids.stream().filter(id -> !run.known.getOrDefault(area, Set.of()).contains(id))
                    .forEach(id -> added.computeIfAbsent(area, a -> new HashSet<>()).add(id)));
            coverage.addAll(added);
        }
        run.coverageNanos += System.nanoTime() - started;
        String benchmark = standings.watched().benchmark();
        ExecutorService writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "import-writer"));
        try {
            run.writer = writer;
            rows.forEachIn(benchmark, run::add);
            run.flush();
            run.finishWriting();
            run.benchmarkDone = true;
            rows.forEachOutside(benchmark, run::add);
            run.flush();
            run.finishWriting();
        } finally {
            writer.shutdown(); // a write under way when the import failed still ends; nothing new starts
        }
        if (!dryRun) {
            long listing = System.nanoTime();
            run.keepUnlistingsThatHold();
            coverage.setRedRed(run.redRed);
            long judging = System.nanoTime();
            run.coverageNanos += judging - listing;
            run.judgeUntouched();
            run.tally.seconds("judgingUntouchedAreas", System.nanoTime() - judging);
        }
        run.tally.seconds("readingSeries", run.readNanos);
        run.tally.seconds("applyingValues", run.applyNanos);
        run.tally.seconds("writingCoverage", run.coverageNanos);
        run.tally.seconds("writingSeries", run.writeNanos);
        run.tally.seconds("waitingForWrites", run.waitNanos);
        log.info("Applied {} rows: {} ms reading series, {} ms applying values, {} ms writing coverage, {} ms writing series ({} ms of it waited for)",
                run.rowsApplied, run.readNanos / 1_000_000, run.applyNanos / 1_000_000, run.coverageNanos / 1_000_000, run.writeNanos / 1_000_000,
                run.waitNanos / 1_000_000);
        return run.tally;
    }

    /** One import's state between batches. */
    private final class Run {

        private final String publishedBy;
        private final boolean dryRun;
        private final LongConsumer progress;
        private final Instant publishedAt = Instant.now();
        private final WatchedComparison watched = standings.watched();
        private final ImportTally tally = new ImportTally();
        /** Area code to the indicators with a series there as stored, kept up to date as series are written. */
        private final Map<String, Set<String>> known = coverage.all();
        /** The benchmark area's series by indicator, as the import has left them. */
        private final Map<String, Series> benchmarks = new HashMap<>();
        private final Set<String> benchmarksRead = new HashSet<>();
        private final Map<String, Indicator> indicators = new HashMap<>();
        /** Indicators whose benchmark's latest value moved, with the areas the import judged against the new value. */
        private final Map<String, Set<String>> benchmarkMoved = new HashMap<>();
        /** Area to indicator to whether red-red significantly (or null: no longer red-red), written at the end. */
        private final Map<String, Map<String, Boolean>> redRed = new HashMap<>();
        private final List<ValueRow> batch = new ArrayList<>();
        /** Writes one batch's series while the next batch is read and applied. */
        private ExecutorService writer;
        /** The batch being written, and its write. */
        private Applied inFlight;
        private Future<Written> writing;
        private long rowsApplied;
        private boolean benchmarkDone;
        private long readNanos;
        private long applyNanos;
        private long coverageNanos;
        private long writeNanos;
        private long waitNanos;

        Run(String publishedBy, boolean dryRun, LongConsumer progress) {
            this.publishedBy = publishedBy;
            this.dryRun = dryRun;
            this.progress = progress;
        }

        void add(ValueRow row) {
            batch.add(row);
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        /**
         * Applies the batch to its series, then hands their write to the writer once the previous batch's write is
         * done, so that reading and applying the next batch goes on while the database stores this one.
         */
        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, List<ValueRow>> bySeries = new LinkedHashMap<>();
            for (ValueRow row : batch) {
                indicators.putIfAbsent(row.indicator().getId(), row.indicator());
                bySeries.computeIfAbsent(Series.idOf(row.indicator().getId(), row.areaCode()), id -> new ArrayList<>()).add(row);
            }
            readBenchmarks(bySeries.values());
            Applied applied = applyTo(bySeries, batch.size());
            batch.clear();
            finishWriting();
            inFlight = applied;
            writing = dryRun ? CompletableFuture.completedFuture(new Written(Set.of(), 0)) : writer.submit(() -> write(applied));
        }

        /**
         * Waits for the batch being written and records what it did; a series that someone wrote meanwhile (or that
         * the batch before created while this one was read) is read and changed again, here and now.
         */
        void finishWriting() {
            if (inFlight == null) {
                return;
            }
            Applied written = inFlight;
            long waited = System.nanoTime();
            Written outcome = await(writing);
            waitNanos += System.nanoTime() - waited;
            Map<String, List<ValueRow>> again = record(written, outcome);
            inFlight = null;
            writing = null;
            for (int attempt = 2; !again.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw new OptimisticLockingFailureException("Series " + again.keySet() + " kept changing during the import");
                }
                Applied retry = applyTo(again, 0);
                again = record(retry, dryRun ? new Written(Set.of(), 0) : write(retry));
            }
            rowsApplied += written.rows();
            progress.accept(rowsApplied);
        }

        private Written write(Applied applied) {
            long started = System.nanoTime();
            Set<String> conflicts = store.writeAll(applied.changed());
            return new Written(conflicts, System.nanoTime() - started);
        }

        private Written await(Future<Written> write) {
            try {
                return write.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the import's series were written", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Applies the rows to fresh copies of their series: read those that exist, publish the values, judge them. */
        private Applied applyTo(Map<String, List<ValueRow>> bySeries, int rows) {
            List<String> stored = new ArrayList<>();
            bySeries.forEach((id, seriesRows) -> {
                ValueRow first = seriesRows.get(0);
                if (known.getOrDefault(first.areaCode(), Set.of()).contains(first.indicator().getId())) {
                    stored.add(id);
                }
            });
            long started = System.nanoTime();
            Map<String, Series> found = stored.isEmpty() ? Map.of() : store.load(stored);
            long read = System.nanoTime();
            readNanos += read - started;
            List<Series> changed = new ArrayList<>();
            Map<String, int[]> counts = new HashMap<>();
            Map<String, Series> tracked = new HashMap<>();
            Set<String> announced = new HashSet<>();
            for (Map.Entry<String, List<ValueRow>> entry : bySeries.entrySet()) {
                ValueRow first = entry.getValue().get(0);
                Indicator indicator = first.indicator();
                String area = first.areaCode();
                Series one = found.get(entry.getKey());
                if (one == null) {
                    one = Series.start(indicator.getId(), area);
                }
                int[] outcome = new int[3];
                for (ValueRow row : entry.getValue()) {
                    Reading reading = ValueRules.reading(row.input(), indicator.getUnit(), row.period(), publishedBy, publishedAt);
                    outcome[one.publish(row.period(), reading, indicator.getPolarity(), false).ordinal()]++;
                }
                boolean write = outcome[PublishOutcome.PUBLISHED.ordinal()] + outcome[PublishOutcome.REVISED.ordinal()] > 0;
                if (!area.equals(watched.benchmark())) {
                    int events = one.getPendingEvents().size();
                    RedRed before = one.redRed();
                    write |= one.judgeStanding(watched, indicator.getPolarity(), benchmarks.get(indicator.getId()));
                    if (one.getPendingEvents().size() > events) {
                        announced.add(entry.getKey());
                    }
                    if (one.redRed() != null || before != null) {
                        tracked.put(entry.getKey(), one);
                    }
                }
                if (write) {
                    changed.add(one);
                }
                counts.put(entry.getKey(), outcome);
                if (area.equals(watched.benchmark()) && write) {
                    tracked.put(entry.getKey(), one);
                }
            }
            applyNanos += System.nanoTime() - read;
            return new Applied(bySeries, rows, changed, counts, tracked, announced);
        }

        /** Records what a written batch did; returns the rows of the series that were not written because someone wrote them first. */
        private Map<String, List<ValueRow>> record(Applied applied, Written written) {
            writeNanos += written.nanos();
            Map<String, List<ValueRow>> again = new LinkedHashMap<>();
            for (Map.Entry<String, List<ValueRow>> entry : applied.bySeries().entrySet()) {
                ValueRow first = entry.getValue().get(0);
                String indicatorId = first.indicator().getId();
                String area = first.areaCode();
                if (written.conflicts().contains(entry.getKey())) {
                    known.computeIfAbsent(area, a -> new HashSet<>()).add(indicatorId); // written by someone else: read it next time
                    again.put(entry.getKey(), entry.getValue());
                    continue;
                }
                known.computeIfAbsent(area, a -> new HashSet<>()).add(indicatorId);
                int[] outcome = applied.counts().get(entry.getKey());
                tally.add(indicatorId, area, outcome[0], outcome[1], outcome[2]);
                if (applied.announced().contains(entry.getKey())) {
                    tally.comparisonChanged();
                }
                Set<String> judged = benchmarkMoved.get(indicatorId);
                if (judged != null) {
                    judged.add(area);
                }
                Series one = applied.tracked().get(entry.getKey());
                if (one == null) {
                    continue;
                }
                if (area.equals(watched.benchmark())) {
                    benchmarkWritten(indicatorId, one);
                } else {
                    // every red-red series is listed again, not only those that moved, so a re-run repairs an interrupted import
                    redRed.computeIfAbsent(area, a -> new HashMap<>()).put(indicatorId,
                            one.redRed() == null ? null : one.redRed() == RedRed.SIGNIFICANTLY_WORSE);
                }
            }
            return again;
        }

        /** Reads the benchmark's series of the batch's indicators not read yet, in one query. */
        private void readBenchmarks(Iterable<List<ValueRow>> bySeries) {
            List<String> ids = new ArrayList<>();
            for (List<ValueRow> seriesRows : bySeries) {
                String indicatorId = seriesRows.get(0).indicator().getId();
                if (benchmarksRead.add(indicatorId) && known.getOrDefault(watched.benchmark(), Set.of()).contains(indicatorId)) {
                    ids.add(Series.idOf(indicatorId, watched.benchmark()));
                }
            }
            if (!ids.isEmpty()) {
                store.load(ids).values().forEach(series -> benchmarks.put(series.getIndicatorId(), series));
            }
        }

        private void benchmarkWritten(String indicatorId, Series written) {
            Series before = benchmarks.put(indicatorId, written);
            if (!benchmarkDone && !Objects.equals(before == null ? null : before.latestFigure(), written.latestFigure())) {
                benchmarkMoved.putIfAbsent(indicatorId, new HashSet<>());
            }
        }

        /**
         * Keeps only the unlistings of series still not red-red as stored: a single publish during the import may
         * have made one red-red again (and listed it) after the import judged it.
         */
        void keepUnlistingsThatHold() {
            List<String> ids = new ArrayList<>();
            redRed.forEach((area, byIndicator) -> byIndicator.forEach((indicatorId, significant) -> {
                if (significant == null) {
                    ids.add(Series.idOf(indicatorId, area));
                }
            }));
            if (!ids.isEmpty()) {
                store.load(ids).values().stream().filter(series -> series.redRed() != null)
                        .forEach(series -> redRed.get(series.getAreaCode()).remove(series.getIndicatorId()));
            }
        }

        /** Judges again the areas the import left alone, for the indicators whose benchmark value moved. */
        void judgeUntouched() {
            Map<String, List<String>> areasByIndicator = new HashMap<>();
            known.forEach((area, ids) -> ids.stream().filter(benchmarkMoved::containsKey)
                    .forEach(id -> areasByIndicator.computeIfAbsent(id, i -> new ArrayList<>()).add(area)));
            benchmarkMoved.forEach((indicatorId, judged) -> {
                List<String> ids = areasByIndicator.getOrDefault(indicatorId, List.of()).stream()
                        .filter(area -> !judged.contains(area) && !area.equals(watched.benchmark()))
                        .map(area -> Series.idOf(indicatorId, area))
                        .toList();
                if (!ids.isEmpty()) {
                    standings.rejudge(ids, indicators.get(indicatorId), benchmarks.get(indicatorId));
                }
            });
        }
    }

    /** A batch applied to fresh copies of its series, ready to be written. */
    private record Applied(Map<String, List<ValueRow>> bySeries, int rows, List<Series> changed, Map<String, int[]> counts,
                           Map<String, Series> tracked, Set<String> announced) {
    }

    /** A batch's write: the series someone else wrote first, and how long it took. */
    private record Written(Set<String> conflicts, long nanos) {
    }
}
