package org.civicgraph.partners.relationship;

import org.civicgraph.partners.organisation.OrganisationChanges;
import org.civicgraph.partners.organisation.OrganisationDirectory;
import org.civicgraph.partners.organisation.RelationshipKind;
import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Loads the relationships the source documents state (successor, part of, member of, provider to), after the organisations. */
@Component
@Order(3)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class RelationshipDemoData extends DemoDataLoader<RelationshipDemoData.Row> {

    private final OrganisationDirectory directory;
    private final OrganisationChanges changes;

    RelationshipDemoData(OrganisationDirectory directory, OrganisationChanges changes) {
        super("demo/relationships.json", Row.class);
        this.directory = directory;
        this.changes = changes;
    }

    @Override
    protected boolean hasData() {
        return directory.anyRelationships();
    }

    @Override
    protected void importRecord(Row row) {
        changes.importRelationship(row.organisation(), RelationshipKind.valueOf(row.kind()), row.other(), row.unit(), row.since(),
                row.until(), row.description());
    }

    /** {@code sourceNote} in the file says where the relationship is stated; it is not imported. */
    record Row(String organisation, String kind, String other, String unit, LocalDate since, LocalDate until, String description) {
    }
}
