package org.civicgraph.partners.organisation;

import java.util.List;

/**
 * What kind of body an organisation is. The last five values are the first release's types, kept so that stored
 * records and clients using them still work: no record is given them any more, and as a filter each matches the
 * types that replaced it.
 */
public enum OrganisationType {
    COUNTY_COUNCIL, DISTRICT_COUNCIL, UNITARY_COUNCIL, NHS_COMMISSIONER, NHS_TRUST, PRIMARY_CARE_NETWORK, POLICE,
    FIRE_AND_RESCUE, HOUSING_ASSOCIATION, VOLUNTARY_OR_COMMUNITY_GROUP, COMPANY, SCHOOL_OR_COLLEGE, NATIONAL_BODY,
    PARTNERSHIP_BOARD, OTHER,
    NHS_BODY, VOLUNTARY_SECTOR, EDUCATION, BUSINESS, GOVERNMENT_AGENCY;

    /** The current types this one stands for: itself, or the types that replaced a retired one. */
    public List<OrganisationType> current() {
        return switch (this) {
            case NHS_BODY -> List.of(NHS_COMMISSIONER, NHS_TRUST, PRIMARY_CARE_NETWORK);
            case VOLUNTARY_SECTOR -> List.of(VOLUNTARY_OR_COMMUNITY_GROUP, HOUSING_ASSOCIATION);
            case EDUCATION -> List.of(SCHOOL_OR_COLLEGE);
            case BUSINESS -> List.of(COMPANY);
            case GOVERNMENT_AGENCY -> List.of(NATIONAL_BODY);
            default -> List.of(this);
        };
    }

    public boolean isRetired() {
        return current().size() != 1 || current().get(0) != this;
    }

    /** "NHS trust", for descriptions. */
    public String label() {
        String label = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return label.replace("nhs", "NHS");
    }
}
