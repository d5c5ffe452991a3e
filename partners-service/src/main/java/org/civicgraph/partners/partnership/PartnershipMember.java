package org.civicgraph.partners.partnership;

import org.civicgraph.partners.partner.PartnerKind;
import org.civicgraph.partners.partner.PartnerRef;
import org.springframework.data.mongodb.core.index.Indexed;

import java.time.LocalDate;
import java.util.List;

/**
 * A partner taking part in a partnership, with its role and, for an organisation, the units the source names
 * ("District Councils: housing services, homelessness and allocations ...").
 */
public record PartnershipMember(PartnerKind kind, @Indexed String partnerId, PartnerRole role, @Indexed List<String> unitIds,
                                LocalDate since, LocalDate until) {

    public PartnershipMember {
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
    }

    PartnerRef partner() {
        return new PartnerRef(kind, partnerId);
    }
}
