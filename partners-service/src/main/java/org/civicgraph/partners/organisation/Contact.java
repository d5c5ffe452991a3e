package org.civicgraph.partners.organisation;

/** A named person at the organisation. Internal: served only to signed-in callers and never written into events. */
public record Contact(String name, String jobTitle, String email, String phone) {
}
