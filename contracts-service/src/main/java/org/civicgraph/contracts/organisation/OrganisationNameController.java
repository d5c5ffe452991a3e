package org.civicgraph.contracts.organisation;

import org.civicgraph.platform.directory.OrganisationNames;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;

/** The directory's current name of every organisation in a response, looked up at once. */
@Controller
class OrganisationNameController {

    private final OrganisationNames names;

    OrganisationNameController(OrganisationNames names) {
        this.names = names;
    }

    @BatchMapping(typeName = "Organisation", field = "currentName")
    Map<Organisation, String> currentName(List<Organisation> organisations) {
        return names.currentNamesOf(organisations, Organisation::id);
    }
}
