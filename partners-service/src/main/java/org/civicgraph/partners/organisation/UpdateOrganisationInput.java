package org.civicgraph.partners.organisation;

record UpdateOrganisationInput(String id, String name, String website) {
}
