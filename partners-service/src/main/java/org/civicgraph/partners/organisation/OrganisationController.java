package org.civicgraph.partners.organisation;

import org.civicgraph.platform.graphql.PageRequests;
import org.civicgraph.platform.graphql.FederatedEntities;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import java.util.List;

@Controller
class OrganisationController {

    private final OrganisationDirectory directory;
    private final PageRequests pages;

    OrganisationController(OrganisationDirectory directory, PageRequests pages) {
        this.directory = directory;
        this.pages = pages;
    }

    @QueryMapping
    Organisation organisation(@Argument String id) {
        return directory.find(id).orElse(null);
    }

    @QueryMapping
    Window<Organisation> organisations(@Argument OrganisationFilter filter, ScrollSubrange subrange) {
        return directory.search(filter == null ? OrganisationFilter.NONE : filter, pages.position(subrange), pages.size(subrange));
    }

    @MutationMapping
    UpdateOrganisationPayload updateOrganisation(@Argument UpdateOrganisationInput input) {
        return new UpdateOrganisationPayload(directory.update(input));
    }

    @EntityMapping
    List<Organisation> organisation(@Argument List<String> id) {
        return FederatedEntities.inRequestedOrder(id, directory.findAll(id), Organisation::getId);
    }

    record UpdateOrganisationPayload(Organisation organisation) {
    }
}
