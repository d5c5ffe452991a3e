package org.civicgraph.partners.search;

import org.civicgraph.partners.organisation.OrganisationStatus;
import org.civicgraph.partners.organisation.OrganisationType;
import org.civicgraph.partners.partnership.LeverArea;
import org.civicgraph.partners.partnership.PartnerRole;

/** {@code status} null means any status; when no filter is given at all, only active organisations are listed. */
record OrganisationFilter(String nameContains, OrganisationType type, String areaServed, LeverArea leverArea, PartnerRole role,
                          OrganisationStatus status) {

    static final OrganisationFilter NONE = new OrganisationFilter(null, null, null, null, null, OrganisationStatus.ACTIVE);
}
