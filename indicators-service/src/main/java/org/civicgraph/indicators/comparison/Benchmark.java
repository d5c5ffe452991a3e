package org.civicgraph.indicators.comparison;

import java.util.List;

/**
 * What an area is compared with: a benchmark area's value ({@code name} is its code, such as E92000001 for England),
 * or the values of a comparator group of areas ({@code name} describes the group).
 */
public record Benchmark(String name, Double value, List<Double> groupValues) {

    public static Benchmark area(String code, Double value) {
        return new Benchmark(code, value, List.of());
    }

    /** The group's values, the area's own among them; missing values are left out. */
    public static Benchmark group(String name, List<Double> values) {
        return new Benchmark(name, null, values.stream().filter(v -> v != null).toList());
    }
}
