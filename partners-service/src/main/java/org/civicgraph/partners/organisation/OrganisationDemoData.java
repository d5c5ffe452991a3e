package org.civicgraph.partners.organisation;

import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** Loads the organisations named in the source documents, with their units, into an empty directory. */
@Component
@Order(1)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class OrganisationDemoData extends DemoDataLoader<OrganisationDemoData.Row> {

    private final OrganisationDirectory directory;
    private final OrganisationChanges changes;

    OrganisationDemoData(OrganisationDirectory directory, OrganisationChanges changes) {
        super("demo/organisations.json", Row.class);
        this.directory = directory;
        this.changes = changes;
    }

    @Override
    protected boolean hasData() {
        return directory.count() > 0;
    }

    @Override
    protected void importRecord(Row row) {
        OrganisationDetails details = new OrganisationDetails(row.name(), OrganisationRules.orEmpty(row.otherNames()),
                OrganisationType.valueOf(row.type()), OrganisationRules.orEmpty(row.identifiers()), OrganisationRules.orEmpty(row.areasServed()),
                row.website(), OrganisationRules.orEmpty(row.contactPoints()), List.of(), row.openedOn());
        boolean closed = OrganisationStatus.CLOSED.name().equals(row.status());
        changes.importRecord(row.id(), details, OrganisationRules.orEmpty(row.units()), closed ? row.closedOn() : null, row.closedReason());
    }

    /** {@code sourceNote} in the file says where in the source documents the organisation is named; it is not imported. */
    record Row(String id, String name, List<String> otherNames, String type, List<Identifier> identifiers,
               List<String> areasServed, String website, List<ContactPoint> contactPoints, String status,
               LocalDate openedOn, LocalDate closedOn, String closedReason, List<NewUnit> units) {
    }
}
