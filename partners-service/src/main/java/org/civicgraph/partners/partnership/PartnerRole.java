package org.civicgraph.partners.partnership;

/** A partner's part: LEAD or PARTNER in a partnership, PROVIDER or COMMISSIONER of a service. */
public enum PartnerRole {
    LEAD, PARTNER, PROVIDER, COMMISSIONER
}
