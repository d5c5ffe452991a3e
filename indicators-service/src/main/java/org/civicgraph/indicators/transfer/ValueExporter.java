package org.civicgraph.indicators.transfer;

import org.civicgraph.indicators.area.Area;
import org.civicgraph.indicators.area.AreaRegister;
import org.civicgraph.indicators.indicator.Indicator;
import org.civicgraph.indicators.indicator.IndicatorCatalogue;
import org.civicgraph.indicators.series.PublishedValue;
import org.civicgraph.indicators.series.Series;
import org.civicgraph.indicators.series.SeriesCoverage;
import org.civicgraph.indicators.series.SeriesLedger;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes published values in either import format, so an export imports again unchanged: by indicator, area and
 * period, a few thousand series read at a time and written out as they come, never the whole set in memory.
 * Values are public, so anyone may export them.
 */
@Service
class ValueExporter {

    private static final int SERIES_PER_READ = 2_000;

    private final SeriesCoverage coverage;
    private final SeriesLedger ledger;
    private final IndicatorCatalogue catalogue;
    private final AreaRegister areas;

    ValueExporter(SeriesCoverage coverage, SeriesLedger ledger, IndicatorCatalogue catalogue, AreaRegister areas) {
        this.coverage = coverage;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.areas = areas;
    }

    /** Writes the values of the indicators and areas given (all when a list is empty); returns the number of values. */
    long export(ValueFormat format, Collection<String> indicatorList, Collection<String> areaCodes, Writer out) throws IOException {
        Set<String> indicatorIds = Set.copyOf(indicatorList);
        Map<String, Set<String>> byArea = areaCodes.isEmpty() ? coverage.all() : coverage.indicatorsIn(areaCodes);
        List<String[]> pairs = new ArrayList<>();
        byArea.forEach((area, indicators) -> indicators.stream()
                .filter(id -> indicatorIds.isEmpty() || indicatorIds.contains(id))
                .forEach(id -> pairs.add(new String[] {id, area})));
        pairs.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
        Set<String> ids = new HashSet<>();
        pairs.forEach(pair -> ids.add(pair[0]));
        Map<String, Indicator> indicators = new HashMap<>();
        catalogue.findAll(ids).forEach(indicator -> indicators.put(indicator.getId(), indicator));
        Map<String, Area> areasByCode = format == ValueFormat.FINGERTIPS ? areasWithParents(byArea.keySet()) : Map.of();

        CsvWriter csv = new CsvWriter(out);
        for (String header : format.exportHeader()) {
            csv.text(header);
        }
        csv.endRow();
        long written = 0;
        for (int from = 0; from < pairs.size(); from += SERIES_PER_READ) {
            List<String[]> chunk = pairs.subList(from, Math.min(pairs.size(), from + SERIES_PER_READ));
            Map<String, Series> series = ledger.byIds(chunk.stream().map(pair -> Series.idOf(pair[0], pair[1])).toList());
            for (String[] pair : chunk) {
                Series one = series.get(Series.idOf(pair[0], pair[1]));
                if (one == null) {
                    continue;
                }
                for (PublishedValue value : one.values()) {
                    if (format == ValueFormat.TIDY) {
                        tidy(csv, value);
                    } else {
                        fingertips(csv, value, indicators.get(value.indicatorId()), areasByCode);
                    }
                    written++;
                }
            }
            out.flush();
        }
        return written;
    }

    private static void tidy(CsvWriter csv, PublishedValue value) throws IOException {
        csv.text(value.indicatorId()).text(value.areaCode()).text(value.period().label()).number(value.value())
                .number(value.lower95()).number(value.upper95()).number(value.lower998()).number(value.upper998())
                .number(value.count()).number(value.denominator()).text(value.unavailable() ? value.unavailableReason() : value.note())
                .text(value.provisional() && !value.period().provisional() ? "true" : "");
        csv.endRow();
    }

    private static void fingertips(CsvWriter csv, PublishedValue value, Indicator indicator, Map<String, Area> areas) throws IOException {
        Area area = areas.get(value.areaCode());
        Area parent = area == null || area.getParentCode() == null ? null : areas.get(area.getParentCode());
        String id = value.indicatorId().startsWith(RowParser.FINGERTIPS_PREFIX)
                ? value.indicatorId().substring(RowParser.FINGERTIPS_PREFIX.length()) : value.indicatorId();
        csv.text(id).text(indicator == null ? null : indicator.getName())
                .text(parent == null ? null : parent.getCode()).text(parent == null ? null : parent.getName())
                .text(value.areaCode()).text(area == null ? null : area.getName())
                .text(area == null ? null : typeName(area))
                .text(null).text(null).text(null).text(null)
                .text(value.period().label()).number(value.value())
                .number(value.lower95()).number(value.upper95()).number(value.lower998()).number(value.upper998())
                .number(value.count()).number(value.denominator()).text(value.unavailable() ? value.unavailableReason() : value.note());
        csv.endRow();
    }

    private static String typeName(Area area) {
        String name = area.getType().name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The areas and their parents, in two queries. */
    private Map<String, Area> areasWithParents(Set<String> codes) {
        Map<String, Area> found = new HashMap<>();
        areas.findAll(codes).forEach(area -> found.put(area.getCode(), area));
        Set<String> parents = new HashSet<>();
        found.values().forEach(area -> {
            if (area.getParentCode() != null && !found.containsKey(area.getParentCode())) {
                parents.add(area.getParentCode());
            }
        });
        areas.findAll(parents).forEach(area -> found.put(area.getCode(), area));
        return found;
    }
}
