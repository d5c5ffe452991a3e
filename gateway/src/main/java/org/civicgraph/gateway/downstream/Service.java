package org.civicgraph.gateway.downstream;

/** The services behind the gateway; the name is also the Resilience4j instance name and the {@code extensions.service} of an error. */
public enum Service {
    PLANS("plans"), CONTRACTS("contracts"), INDICATORS("indicators"), PARTNERS("partners"), WEBHOOKS("webhooks");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
