package org.civicgraph.partners.partner;

/** Points at a partner of any kind by its id. */
public record PartnerRef(PartnerKind kind, String id) {

    /** The organisation a partner belongs to: itself, or the unit's organisation; null for a group. */
    public String organisationId() {
        return switch (kind) {
            case ORGANISATION -> id;
            case UNIT -> id.substring(0, id.indexOf('/'));
            case PARTNER_GROUP -> null;
        };
    }
}
