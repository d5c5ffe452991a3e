package org.civicgraph.indicators.series;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What an import did (or, previewed, would do): values published, revised and unchanged, by indicator and in all. */
public final class ImportTally {

    private final Map<String, long[]> byIndicator = new TreeMap<>();
    private final Set<String> areas = new TreeSet<>();
    private long comparisonsChanged;
    private final Map<String, Double> seconds = new java.util.LinkedHashMap<>();

    /** Counts of values. */
    public record Counts(long published, long revised, long unchanged) {

        public long values() {
            return published + revised + unchanged;
        }
    }

    void add(String indicatorId, String areaCode, int published, int revised, int unchanged) {
        long[] counts = byIndicator.computeIfAbsent(indicatorId, id -> new long[3]);
        counts[0] += published;
        counts[1] += revised;
        counts[2] += unchanged;
        areas.add(areaCode);
    }

    void comparisonChanged() {
        comparisonsChanged++;
    }

    public Counts total() {
        long[] sum = new long[3];
        byIndicator.values().forEach(counts -> {
            sum[0] += counts[0];
            sum[1] += counts[1];
            sum[2] += counts[2];
        });
        return new Counts(sum[0], sum[1], sum[2]);
    }

    public Map<String, Counts> byIndicator() {
        Map<String, Counts> counts = new TreeMap<>();
        byIndicator.forEach((id, c) -> counts.put(id, new Counts(c[0], c[1], c[2])));
        return counts;
    }

    public Set<String> areas() {
        return areas;
    }

    void seconds(String step, long nanos) {
        seconds.put(step, Math.round(nanos / 1e7) / 100.0);
    }

    /**
     * Seconds spent in each step of applying: reading series, applying values, writing coverage and series; series are
     * written while the next batch is read and applied, and the time the import waited for those writes is its own step.
     */
    public Map<String, Double> seconds() {
        return seconds;
    }

    /** Series whose standing against the watched benchmark moved, each announced. */
    public long comparisonsChanged() {
        return comparisonsChanged;
    }
}
