package org.civicgraph.partners.partnership;

import org.civicgraph.partners.partner.PartnerRef;

import java.time.LocalDate;
import java.util.List;

/** One partner's place in one partnership, as the GraphQL type PartnershipMember shows it. */
record Membership(String partnershipId, PartnerRef partner, PartnerRole role, List<String> unitIds, LocalDate since, LocalDate until) {

    static Membership of(Partnership partnership, PartnershipMember member) {
        return new Membership(partnership.getId(), member.partner(), member.role(), member.unitIds(), member.since(), member.until());
    }
}
