package org.civicgraph.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark: a class named {@code <Name>Benchmark} in this package with a public no-argument constructor,
 * run as {@code infra/bench/run <name>} (lower case). It prints its own figures.
 */
public interface Benchmark {

    String description();

    void run(Path root, List<String> args) throws Exception;
}
