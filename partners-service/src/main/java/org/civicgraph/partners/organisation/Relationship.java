package org.civicgraph.partners.organisation;

import org.springframework.data.mongodb.core.index.Indexed;

import java.time.LocalDate;

/**
 * A relationship from the organisation that stores it to {@code otherId}, optionally through one of its own units
 * ({@code unitId}, such as the county council's secure unit providing to the Youth Justice Board), with the dates it held.
 */
public record Relationship(@Indexed String id, @Indexed RelationshipKind kind, @Indexed String otherId, String unitId, LocalDate since, LocalDate until,
                           String description) {

    /** The same relationship, held until the given day. */
    Relationship endingOn(LocalDate lastDay) {
        return new Relationship(id, kind, otherId, unitId, since, lastDay, description);
    }

    /** Whether it still held on the day: not yet ended, or ending that day or later. */
    public boolean holdsOn(LocalDate day) {
        return until == null || !until.isBefore(day);
    }

    @Override
    public String toString() {
        return kind + " " + otherId + (unitId == null ? "" : " via " + unitId)
                + (since == null ? "" : " from " + since) + (until == null ? "" : " until " + until)
                + (description == null ? "" : " (" + description + ")");
    }
}
