package org.civicgraph.bench;

import java.util.List;

/** Reads {@code --name value} options of a benchmark's arguments. */
final class BenchArgs {

    private BenchArgs() {
    }

    static int intArg(List<String> args, String name, int fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Integer.parseInt(args.get(at + 1)) : fallback;
    }

    static double doubleArg(List<String> args, String name, double fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Double.parseDouble(args.get(at + 1)) : fallback;
    }
}
