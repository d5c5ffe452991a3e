package org.civicgraph.partners.search;

import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.platform.graphql.PageRequests;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class OrganisationSearchController {

    private final OrganisationSearch search;
    private final PageRequests pages;

    OrganisationSearchController(OrganisationSearch search, PageRequests pages) {
        this.search = search;
        this.pages = pages;
    }

    @QueryMapping
    Window<Organisation> organisations(@Argument OrganisationFilter filter, ScrollSubrange subrange) {
        return search.search(filter == null ? OrganisationFilter.NONE : filter, pages.position(subrange), pages.size(subrange));
    }
}
