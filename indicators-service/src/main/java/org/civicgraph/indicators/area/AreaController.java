package org.civicgraph.indicators.area;

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
class AreaController {

    private final AreaRegister register;
    private final PageRequests pages;

    AreaController(AreaRegister register, PageRequests pages) {
        this.register = register;
        this.pages = pages;
    }

    @QueryMapping
    Area area(@Argument String code) {
        return register.find(code).orElse(null);
    }

    @QueryMapping
    Window<Area> areas(@Argument AreaFilter filter, ScrollSubrange subrange) {
        return register.search(filter == null ? AreaFilter.NONE : filter, pages.position(subrange), pages.size(subrange));
    }

    @MutationMapping
    AreaPayload registerArea(@Argument RegisterAreaInput input) {
        return new AreaPayload(register.register(input));
    }

    @MutationMapping
    AreaPayload renameArea(@Argument RenameAreaInput input) {
        return new AreaPayload(register.rename(input));
    }

    @EntityMapping
    List<Area> area(@Argument List<String> code) {
        return FederatedEntities.inRequestedOrder(code, register.findAll(code), Area::getCode);
    }

    /** What registerArea and renameArea return. */
    record AreaPayload(Area area) {
    }
}
