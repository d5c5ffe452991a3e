package org.civicgraph.stack;

import java.util.List;

/** How each application's JVM is started. */
public enum JvmSettings {

    /** Quick start over peak speed: the local development stack on a small machine (C1 only, a small heap). */
    DEVELOPMENT("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx384m"),

    /**
     * What the Kubernetes manifests give each application: a 768 MiB, one-CPU container with
     * {@code -XX:MaxRAMPercentage=75}, where the JVM's ergonomics choose the serial collector; the full JIT. For
     * benchmarks that compare peak speed with other programs.
     */
    AS_DEPLOYED("-XX:+UseSerialGC", "-Xmx576m");

    private final List<String> options;

    JvmSettings(String... options) {
        this.options = List.of(options);
    }

    List<String> options() {
        return options;
    }
}
