package org.civicgraph.partners.partner;

/** What a partner is: an organisation, a unit inside one, or a group of organisations named by kind. */
public enum PartnerKind {
    ORGANISATION, UNIT, PARTNER_GROUP
}
