package org.civicgraph.plans.organisation;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.plan.PlanTheme;
import org.civicgraph.platform.directory.OrganisationNames;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;

/**
 * The organisations activities and themes name, with their current names in the partner directory. The activities
 * and themes give ids only; the names of every organisation in a response are then looked up at once.
 */
@Controller
class OrganisationController {

    private final OrganisationNames names;

    OrganisationController(OrganisationNames names) {
        this.names = names;
    }

    @SchemaMapping(typeName = "Activity")
    Organisation lead(Activity activity) {
        return activity.getLeadOrganisation() == null ? null : new Organisation(activity.getLeadOrganisation());
    }

    @SchemaMapping(typeName = "Activity")
    List<Organisation> partners(Activity activity) {
        return activity.getPartnerOrganisations().stream().map(Organisation::new).toList();
    }

    @SchemaMapping(typeName = "Theme")
    List<Organisation> partners(PlanTheme theme) {
        return theme.partnerOrganisations().stream().map(Organisation::new).toList();
    }

    @BatchMapping(typeName = "Organisation", field = "currentName")
    Map<Organisation, String> currentName(List<Organisation> organisations) {
        return names.currentNamesOf(organisations, Organisation::id);
    }

    @EntityMapping("Organisation")
    Organisation organisation(@Argument String id) {
        return new Organisation(id);
    }
}
