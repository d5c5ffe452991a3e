package org.civicgraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Wall-clock times of repeated calls, with percentiles. */
public final class Latencies {

    private final List<Long> nanos = new ArrayList<>();

    /** Runs the call the given number of times after the given number of warm-up runs, recording each. */
    public static Latencies measure(int warmUp, int runs, Supplier<?> call) {
        for (int i = 0; i < warmUp; i++) {
            call.get();
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            latencies.nanos.add(System.nanoTime() - start);
        }
        return latencies;
    }

    /** Records one time measured elsewhere. */
    public void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    public int count() {
        return nanos.size();
    }

    public double p50Millis() {
        return percentile(50);
    }

    public double p95Millis() {
        return percentile(95);
    }

    private double percentile(int percent) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p95 %.1f ms (%d runs)", p50Millis(), p95Millis(), nanos.size());
    }
}
