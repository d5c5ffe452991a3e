package org.civicgraph.partners.organisation;

/** A public way to reach the organisation itself (switchboard, general email, address), never a named person. */
public record ContactPoint(ContactPointKind kind, String value, String description) {

    @Override
    public String toString() {
        return kind + ":" + value;
    }
}
