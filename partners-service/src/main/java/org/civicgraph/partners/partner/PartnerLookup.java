package org.civicgraph.partners.partner;

import org.civicgraph.partners.group.PartnerGroup;
import org.civicgraph.partners.group.PartnerGroupDirectory;
import org.civicgraph.partners.organisation.OrganisationDirectory;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads partners of every kind in as few queries as there are kinds; merged organisation ids lead to the survivor. */
@Service
public class PartnerLookup {

    private final OrganisationDirectory organisations;
    private final PartnerGroupDirectory groups;

    PartnerLookup(OrganisationDirectory organisations, PartnerGroupDirectory groups) {
        this.organisations = organisations;
        this.groups = groups;
    }

    /** Each reference that exists, mapped to its Organisation, Unit or PartnerGroup. */
    public Map<PartnerRef, Object> findAll(Collection<PartnerRef> refs) {
        Map<PartnerRef, Object> found = new HashMap<>();
        Map<String, ?> byOrganisation = organisations.findAll(idsOf(refs, PartnerKind.ORGANISATION));
        Map<String, ?> byUnit = organisations.findUnits(idsOf(refs, PartnerKind.UNIT));
        Map<String, PartnerGroup> byGroup = new HashMap<>();
        groups.findAll(idsOf(refs, PartnerKind.PARTNER_GROUP)).forEach(group -> byGroup.put(group.getId(), group));
        for (PartnerRef ref : refs) {
            Object partner = switch (ref.kind()) {
                case ORGANISATION -> byOrganisation.get(ref.id());
                case UNIT -> byUnit.get(ref.id());
                case PARTNER_GROUP -> byGroup.get(ref.id());
            };
            if (partner != null) {
                found.put(ref, partner);
            }
        }
        return found;
    }

    private static List<String> idsOf(Collection<PartnerRef> refs, PartnerKind kind) {
        return refs.stream().filter(ref -> ref.kind() == kind).map(PartnerRef::id).distinct().toList();
    }
}
