package org.civicgraph.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code infra/bench/run NAME [ARGS]}: runs one benchmark and prints its figures; without a name, lists them.
 * Benchmarks are found by name ({@code *Benchmark} classes in this package), so adding one needs no registration.
 * Ratios are measured side by side in one run, since single timings on a shared 2-core machine are noisy.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("civicgraph.root", ".")).toAbsolutePath().normalize();
        Map<String, Benchmark> benchmarks = benchmarks();
        if (args.length == 0 || !benchmarks.containsKey(args[0])) {
            System.out.println("Benchmarks (infra/bench/run NAME):");
            benchmarks.forEach((name, benchmark) -> System.out.printf("  %-20s %s%n", name, benchmark.description()));
            return;
        }
        benchmarks.get(args[0]).run(root, Arrays.asList(args).subList(1, args.length));
    }

    private static Map<String, Benchmark> benchmarks() throws Exception {
        Path classes = classesDirectory().resolve(BenchMain.class.getPackageName().replace('.', '/'));
        Map<String, Benchmark> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.toList()) {
                String simpleName = file.getFileName().toString().replace(".class", "");
                if (simpleName.endsWith("Benchmark") && !simpleName.contains("$") && !simpleName.equals("Benchmark")) {
                    Class<?> type = Class.forName(BenchMain.class.getPackageName() + "." + simpleName);
                    String name = simpleName.substring(0, simpleName.length() - "Benchmark".length()).toLowerCase(Locale.ROOT);
                    found.put(name, (Benchmark) type.getDeclaredConstructor().newInstance());
                }
            }
        }
        return found;
    }

    private static Path classesDirectory() throws URISyntaxException {
        return Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
