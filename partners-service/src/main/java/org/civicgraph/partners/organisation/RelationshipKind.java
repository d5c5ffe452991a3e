package org.civicgraph.partners.organisation;

/**
 * How one organisation stands to another. A relationship is stored once, on the organisation named first
 * ({@link #isStored()} kinds), and seen from the other organisation as its {@link #inverse()}.
 */
public enum RelationshipKind {
    PART_OF, HAS_PART,
    MEMBER_OF, HAS_MEMBER,
    /** The other organisation took over this one's functions, as NHS Lincolnshire ICB did the CCG's on 1 July 2022. */
    SUCCEEDED_BY, SUCCESSOR_OF,
    /** This organisation (or one of its units) provides a service the other commissions. */
    PROVIDES_TO, COMMISSIONS;

    public RelationshipKind inverse() {
        return switch (this) {
            case PART_OF -> HAS_PART;
            case HAS_PART -> PART_OF;
            case MEMBER_OF -> HAS_MEMBER;
            case HAS_MEMBER -> MEMBER_OF;
            case SUCCEEDED_BY -> SUCCESSOR_OF;
            case SUCCESSOR_OF -> SUCCEEDED_BY;
            case PROVIDES_TO -> COMMISSIONS;
            case COMMISSIONS -> PROVIDES_TO;
        };
    }

    public boolean isStored() {
        return this == PART_OF || this == MEMBER_OF || this == SUCCEEDED_BY || this == PROVIDES_TO;
    }
}
