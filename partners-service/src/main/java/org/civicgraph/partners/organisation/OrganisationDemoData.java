package org.civicgraph.partners.organisation;

import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/** Loads the organisations named in the source documents into an empty directory. */
@Component
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class OrganisationDemoData extends DemoDataLoader<OrganisationDemoData.Row> {

    private final OrganisationDirectory directory;

    OrganisationDemoData(OrganisationDirectory directory) {
        super("demo/organisations.json", Row.class);
        this.directory = directory;
    }

    @Override
    protected boolean hasData() {
        return directory.count() > 0;
    }

    @Override
    protected void importRecord(Row record) {
        directory.register(Organisation.register(record.id(), record.name(), OrganisationType.valueOf(record.type()),
                record.identifiers() == null ? List.of() : record.identifiers(),
                record.areasServed() == null ? List.of() : record.areasServed(), record.website()));
    }

    record Row(String id, String name, String type, List<Identifier> identifiers, List<String> areasServed, String website) {
    }
}
