package org.civicgraph.indicators.transfer;

import org.civicgraph.indicators.series.ImportTally;
import org.civicgraph.platform.events.AggregateRoot;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record of an applied import, announcing it in one event: an import of a million values is one event, with its
 * counts by indicator and the areas it touched, rather than a million value events (the values themselves are
 * read from the API). A comparison outcome that the import changes, and a target it misses, are still announced
 * one by one by their series.
 */
@Document("valueImports")
class ValueImportRecord extends AggregateRoot {

    static final String IMPORTED = "org.civicgraph.indicators.values.imported.v1";

    private String format;
    private String importedBy;
    private String organisation;
    private Instant importedAt;
    private long published;
    private long revised;
    private long unchanged;
    private List<IndicatorCounts> indicators = new ArrayList<>();
    private List<String> areaCodes = new ArrayList<>();

    ValueImportRecord() {
    }

    /** The values of an indicator an import published, revised and left unchanged. */
    record IndicatorCounts(String indicatorId, long published, long revised, long unchanged) {
    }

    static ValueImportRecord of(String id, ValueFormat format, String importedBy, String organisation, ImportTally tally) {
        ValueImportRecord record = new ValueImportRecord();
        record.id = id;
        record.format = format.key();
        record.importedBy = importedBy;
        record.organisation = organisation;
        record.importedAt = Instant.now();
        ImportTally.Counts total = tally.total();
        record.published = total.published();
        record.revised = total.revised();
        record.unchanged = total.unchanged();
        tally.byIndicator().forEach((indicatorId, counts) ->
                record.indicators.add(new IndicatorCounts(indicatorId, counts.published(), counts.revised(), counts.unchanged())));
        record.areaCodes.addAll(tally.areas());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("importId", id);
        data.put("format", record.format);
        data.put("importedBy", importedBy);
        data.put("organisation", organisation);
        data.put("published", record.published);
        data.put("revised", record.revised);
        data.put("unchanged", record.unchanged);
        data.put("indicators", record.indicators.stream().map(counts -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("indicatorId", counts.indicatorId());
            one.put("published", counts.published());
            one.put("revised", counts.revised());
            one.put("unchanged", counts.unchanged());
            return one;
        }).toList());
        data.put("areaCodes", record.areaCodes);
        record.recordEvent(IMPORTED, "imports/" + id, data);
        return record;
    }
}
