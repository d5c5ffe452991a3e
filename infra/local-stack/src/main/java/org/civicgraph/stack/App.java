package org.civicgraph.stack;

import java.util.List;

/** The six applications of the platform, in the order they are listed to the operator. */
public enum App {
    GATEWAY("gateway", null),
    PLANS("plans-service", "civicgraph-plans"),
    CONTRACTS("contracts-service", "civicgraph-contracts"),
    INDICATORS("indicators-service", "civicgraph-indicators"),
    PARTNERS("partners-service", "civicgraph-partners"),
    WEBHOOKS("webhooks-service", "civicgraph-webhooks");

    private final String module;
    private final String database;

    App(String module, String database) {
        this.module = module;
        this.database = database;
    }

    public String module() {
        return module;
    }

    /** The application's own MongoDB database; null for the gateway, which keeps no data. */
    public String database() {
        return database;
    }

    /** The services the gateway calls. */
    static List<App> services() {
        return List.of(PLANS, CONTRACTS, INDICATORS, PARTNERS, WEBHOOKS);
    }
}
