package org.civicgraph.deploy;

/** The six CivicGraph applications and the facts every deployment file must agree on. */
enum CivicGraphApp {

    GATEWAY("gateway", 8080, null, null),
    PLANS("plans-service", 8081, "civicgraph-plans", "PLANS"),
    CONTRACTS("contracts-service", 8082, "civicgraph-contracts", "CONTRACTS"),
    INDICATORS("indicators-service", 8083, "civicgraph-indicators", "INDICATORS"),
    PARTNERS("partners-service", 8084, "civicgraph-partners", "PARTNERS"),
    /** Runs as one instance (its deliveries are ordered by one worker per subscription). */
    WEBHOOKS("webhooks-service", 8085, "civicgraph-webhooks", "WEBHOOKS");

    /** For {@code @EnumSource(names = ..., mode = EXCLUDE)}: the services that own a database. */
    static final String GATEWAY_NAME = "GATEWAY";

    private final String serviceName;
    private final int port;
    private final String database;
    private final String gatewayKey;

    CivicGraphApp(String serviceName, int port, String database, String gatewayKey) {
        this.serviceName = serviceName;
        this.port = port;
        this.database = database;
        this.gatewayKey = gatewayKey;
    }

    /** Compose service, Deployment, Service and container name; also the DNS name other apps use. */
    String serviceName() {
        return serviceName;
    }

    int port() {
        return port;
    }

    String image() {
        return "civicgraph/" + serviceName + ":0.1.0";
    }

    /** The MongoDB database the service owns; the gateway has none. */
    String database() {
        if (database == null) {
            throw new IllegalStateException(serviceName + " has no database");
        }
        return database;
    }

    /** How many instances run: two of each, but one of webhooks-service. */
    int replicas() {
        return this == WEBHOOKS ? 1 : 2;
    }

    /** Name of the gateway environment variable that holds this service's GraphQL URL. */
    String gatewayUrlVariable() {
        return "CIVICGRAPH_GATEWAY_SERVICES_" + gatewayKey;
    }

    /** The URL the gateway must use to reach this service's GraphQL endpoint. */
    String graphqlUrl() {
        return "http://" + serviceName + ":" + port + "/graphql";
    }
}
