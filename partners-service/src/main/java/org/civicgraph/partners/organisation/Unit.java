package org.civicgraph.partners.organisation;

import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A part of an organisation, such as a district council's housing services, stored inside the organisation's record
 * but addressable on its own by an id of the organisation's id, a slash and the unit's slug: {@code boston-bc/housing-services}.
 * In the Open Referral export it is an organization of its own, a child of its organisation's, with a UUID derived
 * from its id ({@code openReferralId}, filled in when absent, as for units stored before it existed).
 */
public record Unit(@Indexed String id, String name, List<String> otherNames, String organisationId,
                   @Indexed List<String> searchKeys, @Indexed(sparse = true) String openReferralId) {

    @PersistenceCreator
    public Unit {
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
        searchKeys = searchKeys == null ? List.of() : List.copyOf(searchKeys);
        openReferralId = openReferralId == null && id != null ? openReferralIdOf(id) : openReferralId;
    }

    Unit(String id, String name, List<String> otherNames, String organisationId) {
        this(id, name, otherNames, organisationId, List.of(), null);
    }

    static String openReferralIdOf(String unitId) {
        return UUID.nameUUIDFromBytes(("civicgraph:unit:" + unitId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String idOf(String organisationId, String slug) {
        return organisationId + "/" + slug;
    }

    static String organisationIdOf(String unitId) {
        int slash = unitId.indexOf('/');
        return slash < 0 ? unitId : unitId.substring(0, slash);
    }

    /** The unit's names alone and after its organisation's name, as documents write them ("Lincolnshire County Council Secure Unit"). */
    public List<String> namesWithin(List<String> organisationNames) {
        List<String> names = new java.util.ArrayList<>();
        names.add(name);
        names.addAll(otherNames);
        for (String organisationName : organisationNames) {
            names.add(organisationName + " " + name);
        }
        return names;
    }

    Unit withSearchKeys(List<String> keys) {
        return new Unit(id, name, otherNames, organisationId, keys, openReferralId);
    }

    Unit movedTo(String newOrganisationId) {
        return new Unit(id, name, otherNames, newOrganisationId, searchKeys, openReferralId);
    }
}
