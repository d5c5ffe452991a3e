package org.civicgraph.stack;

import org.civicgraph.local.KafkaBrokerProcess;

import java.util.EnumMap;
import java.util.Map;

/** Where each part of the stack listens, all on 127.0.0.1. */
public record StackPorts(int mongo, int kafka, int issuer, Map<App, Integer> apps) {

    /** The documented ports, each overridable by an environment variable such as {@code CIVICGRAPH_PORT_GATEWAY}. */
    static StackPorts standard() {
        Map<App, Integer> apps = new EnumMap<>(App.class);
        int port = 8080;
        for (App app : App.values()) {
            apps.put(app, env("CIVICGRAPH_PORT_" + app.name(), port++));
        }
        return new StackPorts(env("CIVICGRAPH_PORT_MONGO", 27017), env("CIVICGRAPH_PORT_KAFKA", 9092),
                env("CIVICGRAPH_PORT_ISSUER", 9000), apps);
    }

    /** Free ports chosen now, for a stack that must not collide with another (a test's). */
    public static StackPorts free() {
        Map<App, Integer> apps = new EnumMap<>(App.class);
        for (App app : App.values()) {
            apps.put(app, KafkaBrokerProcess.freePort());
        }
        return new StackPorts(KafkaBrokerProcess.freePort(), KafkaBrokerProcess.freePort(), KafkaBrokerProcess.freePort(), apps);
    }

    public int of(App app) {
        return apps.get(app);
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
