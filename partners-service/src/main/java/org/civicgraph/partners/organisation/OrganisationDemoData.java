package org.civicgraph.partners.organisation;

import org.civicgraph.platform.demo.DemoDataFile;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/** Loads the organisations named in the source documents into an empty directory. */
@Component
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class OrganisationDemoData implements ApplicationRunner {

    private final OrganisationDirectory directory;

    OrganisationDemoData(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.count() > 0) {
            return;
        }
        new DemoDataFile<>("demo/organisations.json", Row.class).importEach(row -> directory.register(Organisation.register(
                row.id(), row.name(), OrganisationType.valueOf(row.type()),
                row.identifiers() == null ? List.of() : row.identifiers(),
                row.areasServed() == null ? List.of() : row.areasServed(), row.website())));
    }

    record Row(String id, String name, String type, List<Identifier> identifiers, List<String> areasServed, String website) {
    }
}
