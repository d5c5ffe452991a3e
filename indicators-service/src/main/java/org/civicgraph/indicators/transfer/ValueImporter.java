package org.civicgraph.indicators.transfer;

import org.civicgraph.indicators.IndicatorsProperties;
import org.civicgraph.indicators.area.AreaRegister;
import org.civicgraph.indicators.indicator.Indicator;
import org.civicgraph.indicators.indicator.IndicatorCatalogue;
import org.civicgraph.indicators.series.BulkPublisher;
import org.civicgraph.indicators.series.ImportTally;
import org.civicgraph.indicators.series.ValueRow;
import org.civicgraph.indicators.series.ValueRows;
import org.civicgraph.platform.csv.CsvReader;
import org.civicgraph.platform.csv.MalformedCsvException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Imports values from a CSV file in two streaming passes over a copy of the upload kept on disk: the first checks
 * every row (naming row and column of each problem) and that the caller may publish every indicator named; only if
 * all is well does the second apply the rows, in batches ({@link BulkPublisher}). Neither pass holds the file in
 * memory: the first keeps a few bytes a row to find a value given twice, and the benchmark area's rows (applied first,
 * and few: one area's) so that the second reads the file once for the other areas, one batch at a time.
 */
@Service
class ValueImporter {

    private static final Logger log = LoggerFactory.getLogger(ValueImporter.class);
    /** Benchmark rows kept from the first pass at most: a few megabytes; a file with more reads them from disk again. */
    private static final int BENCHMARK_ROWS_KEPT = 20_000;

    private final IndicatorCatalogue catalogue;
    private final AreaRegister areas;
    private final BulkPublisher publisher;
    private final MongoTemplate mongo;
    private final IndicatorsProperties.Imports settings;
    /** The area every other is judged against, whose rows are applied first. */
    private final String benchmarkArea;

    ValueImporter(IndicatorCatalogue catalogue, AreaRegister areas, BulkPublisher publisher, MongoTemplate mongo, IndicatorsProperties properties) {
        this.catalogue = catalogue;
        this.areas = areas;
        this.publisher = publisher;
        this.mongo = mongo;
        this.settings = properties.imports();
        this.benchmarkArea = properties.watchedComparison().benchmark();
    }

    ImportReport importValues(InputStream upload, ValueFormat format, boolean preview) throws IOException {
        Caller caller = RecordAccess.requireSignedIn();
        String importId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        Path file = Files.createTempFile("civicgraph-import-", ".csv");
        try {
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
            log.info("Import {} ({}, {}) by {}: {} bytes received", importId, format.key(), preview ? "preview" : "apply",
                    caller.subject(), Files.size(file));
            Check check = check(importId, file, format, caller);
            long checked = System.nanoTime();
            if (check.errorCount > 0 || !check.forbidden.isEmpty()) {
                String message = check.errorCount > 0
                        ? check.errorCount + " rows have errors; nothing was imported"
                        : "You may not publish values of " + String.join(", ", check.forbidden) + "; nothing was imported";
                log.info("Import {}: {}", importId, message);
                return report(importId, format, preview, false, check, new ImportTally(), started, checked, message);
            }
            ImportTally tally = publisher.apply(rows(file, format, check.parser, check.benchmarkRows), check.pairs, caller.subject(), preview,
                    new Progress(importId, "applied", check.values));
            if (!preview) {
                mongo.insert(ValueImportRecord.of(importId, format, caller.subject(), caller.organisation(), tally));
            }
            ImportReport report = report(importId, format, preview, !preview, check, tally, started, checked,
                    preview ? "Checked; nothing was applied (preview)" : "Imported");
            log.info("Import {}: {} values in {} s ({} values/s): {} published, {} revised, {} unchanged", importId, report.values(),
                    String.format("%.1f", report.seconds()), report.valuesPerSecond(), report.published(), report.revised(), report.unchanged());
            return report;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The first pass: every row read and checked, nothing written. */
    private Check check(String importId, Path file, ValueFormat format, Caller caller) throws IOException {
        Check check = new Check();
        try (CsvReader reader = open(file)) {
            List<String> header = next(reader, check, List.of());
            if (header == null && check.errorCount > 0) {
                return check;
            }
            if (header == null) {
                check.error(new ImportError(1, "", "The file is empty; the first row must name the columns"), settings.maxErrors());
                return check;
            }
            List<ImportError> headerErrors = new ArrayList<>();
            var columns = format.locate(header, headerErrors);
            headerErrors.forEach(error -> check.error(error, settings.maxErrors()));
            if (!headerErrors.isEmpty()) {
                return check;
            }
            Map<String, Indicator> indicators = catalogue.all();
            check.parser = new RowParser(format, columns, indicators, areas.allCodes());
            Map<String, Boolean> mayPublish = new HashMap<>();
            RowKeys keys = new RowKeys();
            Progress progress = new Progress(importId, "checked", -1);
            List<ImportError> rowErrors = new ArrayList<>();
            List<String> record;
            while ((record = next(reader, check, header)) != null) {
                long row = reader.record();
                if (check.parser.isBlank(record)) {
                    continue;
                }
                check.rows++;
                if (check.parser.isBreakdown(record)) {
                    check.skipped++;
                    continue;
                }
                rowErrors.clear();
                ValueRow value = check.parser.parse(row, record, rowErrors);
                if (value != null) {
                    long first = keys.addOrFirst(value.indicator().getId(), value.areaCode(), value.period().key(), row);
                    if (first != 0) {
                        rowErrors.add(new ImportError(row, format.header(Column.PERIOD), "Row " + first + " already gives a value of "
                                + value.indicator().getId() + " for " + value.areaCode() + " in " + value.period().label()
                                + (format == ValueFormat.FINGERTIPS ? "; import one sex, age and category per indicator" : "")));
                    } else {
                        check.values++;
                        check.indicators.add(value.indicator().getId());
                        check.areas.add(value.areaCode());
                        check.pairs.computeIfAbsent(value.areaCode(), area -> new HashSet<>()).add(value.indicator().getId());
                        if (value.areaCode().equals(benchmarkArea)) {
                            check.keepBenchmarkRow(value);
                        }
                        String owner = value.indicator().getOwnerOrganisation();
                        if (!mayPublish.computeIfAbsent(owner, o -> RecordAccess.canEdit(caller, o))) {
                            check.forbidden.add(value.indicator().getId());
                        }
                    }
                }
                rowErrors.forEach(error -> check.error(error, settings.maxErrors()));
                progress.accept(check.rows);
            }
        }
        return check;
    }

    /** The next record, or null at the end or where the file stops being CSV (reported as an error). */
    private static List<String> next(CsvReader reader, Check check, List<String> header) throws IOException {
        try {
            return reader.next();
        } catch (MalformedCsvException e) {
            String column = e.field() <= header.size() ? header.get(e.field() - 1).strip() : "column " + e.field();
            check.error(new ImportError(e.record(), column, e.getMessage()), Integer.MAX_VALUE);
            return null;
        } catch (CharacterCodingException e) {
            check.error(new ImportError(reader.record() + 1, "", "The file is not UTF-8 text; save it as \"CSV UTF-8\""), Integer.MAX_VALUE);
            return null;
        }
    }

    /**
     * The second pass's rows: the benchmark area's as the first pass kept them (when they were few enough to keep),
     * the others from the file read again, each row as checked.
     */
    private ValueRows rows(Path file, ValueFormat format, RowParser parser, List<ValueRow> benchmarkRows) {
        return new ValueRows() {
            @Override
            public void forEachIn(String areaCode, Consumer<ValueRow> action) {
                if (areaCode.equals(benchmarkArea) && benchmarkRows != null) {
                    benchmarkRows.forEach(action);
                } else {
                    read(file, format, parser, areaCode::equals, action);
                }
            }

            @Override
            public void forEachOutside(String areaCode, Consumer<ValueRow> action) {
                read(file, format, parser, area -> !area.equals(areaCode), action);
            }
        };
    }

    private static void read(Path file, ValueFormat format, RowParser parser, Predicate<String> area, Consumer<ValueRow> action) {
        List<ImportError> errors = new ArrayList<>();
        try (CsvReader reader = open(file)) {
            reader.next();
            List<String> record;
            while ((record = reader.next()) != null) {
                if (parser.isBlank(record) || parser.isBreakdown(record) || !area.test(parser.area(record))) {
                    continue;
                }
                ValueRow row = parser.parse(reader.record(), record, errors);
                if (row == null) {
                    throw new IllegalStateException("Row " + reader.record() + " of the " + format.key() + " import changed after it was checked: " + errors);
                }
                action.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvReader open(Path file) throws IOException {
        return new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    private static ImportReport report(String importId, ValueFormat format, boolean preview, boolean applied, Check check, ImportTally tally,
                                       long started, long checked, String message) {
        long now = System.nanoTime();
        double seconds = (now - started) / 1e9;
        ImportTally.Counts total = tally.total();
        boolean ok = check.errorCount == 0 && check.forbidden.isEmpty();
        return new ImportReport(importId, format.key(), preview, applied, check.rows, check.values, check.skipped,
                total.published(), total.revised(), total.unchanged(), tally.comparisonsChanged(), check.indicators.size(), check.areas.size(),
                check.errorCount, List.copyOf(check.errors), List.copyOf(check.forbidden),
                (checked - started) / 1e9, ok ? (now - checked) / 1e9 : 0, tally.seconds(), seconds,
                ok && seconds > 0 ? Math.round(check.values / seconds) : 0, message);
    }

    /** What the first pass found. */
    private static final class Check {

        private RowParser parser;
        private long rows;
        private long values;
        private long skipped;
        private long errorCount;
        private final List<ImportError> errors = new ArrayList<>();
        private final Set<String> forbidden = new TreeSet<>();
        private final Set<String> indicators = new HashSet<>();
        private final Set<String> areas = new HashSet<>();
        /** The indicators given values in each area. */
        private final Map<String, Set<String>> pairs = new HashMap<>();
        /** The benchmark area's rows, so the second pass need not read the whole file for them; null when too many to keep. */
        private List<ValueRow> benchmarkRows = new ArrayList<>();

        void keepBenchmarkRow(ValueRow row) {
            if (benchmarkRows != null && benchmarkRows.size() >= BENCHMARK_ROWS_KEPT) {
                benchmarkRows = null;
            } else if (benchmarkRows != null) {
                benchmarkRows.add(row);
            }
        }

        void error(ImportError error, int listed) {
            errorCount++;
            if (errors.size() < listed) {
                errors.add(error);
            }
        }
    }

    /** Logs every so many rows, with the rate so far. */
    private final class Progress implements java.util.function.LongConsumer {

        private final String importId;
        private final String doing;
        private final long of;
        private final long started = System.nanoTime();
        private long next = settings.progressEvery();

        Progress(String importId, String doing, long of) {
            this.importId = importId;
            this.doing = doing;
            this.of = of;
        }

        @Override
        public void accept(long rows) {
            if (rows >= next) {
                next = (rows / settings.progressEvery() + 1) * settings.progressEvery();
                double seconds = (System.nanoTime() - started) / 1e9;
                log.info("Import {}: {} {} rows{} ({} rows/s)", importId, doing, rows, of > 0 ? " of " + of : "",
                        Math.round(rows / Math.max(seconds, 1e-9)));
            }
        }
    }
}
