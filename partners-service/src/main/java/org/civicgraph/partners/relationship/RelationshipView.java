package org.civicgraph.partners.relationship;

import org.civicgraph.partners.organisation.Relationship;
import org.civicgraph.partners.organisation.RelationshipKind;

import java.time.LocalDate;

/**
 * A relationship as seen from one organisation: {@code kind} from its side (a relationship stated by the other
 * organisation appears as the inverse kind), {@code organisationId} the other organisation, {@code unitId} its own
 * unit and {@code otherUnitId} the other's unit where the relationship runs through one.
 */
record RelationshipView(String id, RelationshipKind kind, String organisationId, String unitId, String otherUnitId,
                        LocalDate since, LocalDate until, String description) {

    static RelationshipView stated(Relationship relationship) {
        return new RelationshipView(relationship.id(), relationship.kind(), relationship.otherId(), relationship.unitId(), null,
                relationship.since(), relationship.until(), relationship.description());
    }

    static RelationshipView statedBy(String otherOrganisationId, Relationship relationship) {
        return new RelationshipView(relationship.id(), relationship.kind().inverse(), otherOrganisationId, null,
                relationship.unitId(), relationship.since(), relationship.until(), relationship.description());
    }
}
