package org.civicgraph.partners.organisation;

public enum ContactPointKind {
    EMAIL, PHONE, WEBSITE, POSTAL_ADDRESS
}
