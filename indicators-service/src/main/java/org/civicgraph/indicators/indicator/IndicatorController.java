package org.civicgraph.indicators.indicator;

import org.civicgraph.platform.graphql.FederatedEntities;
import org.civicgraph.platform.graphql.PageRequests;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import java.util.List;

@Controller
class IndicatorController {

    private final IndicatorCatalogue catalogue;
    private final PageRequests pages;

    IndicatorController(IndicatorCatalogue catalogue, PageRequests pages) {
        this.catalogue = catalogue;
        this.pages = pages;
    }

    @QueryMapping
    Indicator indicator(@Argument String id) {
        return catalogue.find(id).orElse(null);
    }

    @QueryMapping
    Window<Indicator> indicators(@Argument IndicatorFilter filter, ScrollSubrange subrange) {
        return catalogue.search(filter == null ? IndicatorFilter.NONE : filter, pages.position(subrange), pages.size(subrange));
    }

    @MutationMapping
    IndicatorPayload defineIndicator(@Argument DefineIndicatorInput input) {
        return new IndicatorPayload(catalogue.define(input));
    }

    @MutationMapping
    IndicatorPayload updateIndicator(@Argument UpdateIndicatorInput input) {
        return new IndicatorPayload(catalogue.update(input));
    }

    @EntityMapping("Indicator")
    List<Indicator> indicatorEntities(@Argument List<String> id) {
        return FederatedEntities.inRequestedOrder(id, catalogue.findAll(id), Indicator::getId);
    }

    /** What defineIndicator and updateIndicator return. */
    record IndicatorPayload(Indicator indicator) {
    }
}
