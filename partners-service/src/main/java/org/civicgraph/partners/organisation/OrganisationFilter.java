package org.civicgraph.partners.organisation;

record OrganisationFilter(String nameContains, OrganisationType type, String areaServed) {

    static final OrganisationFilter NONE = new OrganisationFilter(null, null, null);
}
