package org.civicgraph.partners.organisation;

import org.springframework.data.mongodb.core.index.Indexed;

import java.time.LocalDate;

/**
 * A relationship from the organisation that stores it to {@code otherId}, optionally through one of its own units
 * ({@code unitId}, such as the county council's secure unit providing to the Youth Justice Board), with the dates it held.
 */
public record Relationship(String id, @Indexed RelationshipKind kind, @Indexed String otherId, String unitId, LocalDate since, LocalDate until,
                           String description) {

    @Override
    public String toString() {
        return kind + " " + otherId + (unitId == null ? "" : " via " + unitId)
                + (since == null ? "" : " from " + since) + (until == null ? "" : " until " + until)
                + (description == null ? "" : " (" + description + ")");
    }
}
