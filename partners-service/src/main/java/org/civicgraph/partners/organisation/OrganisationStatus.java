package org.civicgraph.partners.organisation;

public enum OrganisationStatus {
    ACTIVE, CLOSED
}
