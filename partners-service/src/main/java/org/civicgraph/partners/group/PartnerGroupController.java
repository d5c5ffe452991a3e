package org.civicgraph.partners.group;

import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.partners.organisation.OrganisationDirectory;
import org.civicgraph.platform.graphql.FederatedEntities;
import org.civicgraph.platform.graphql.PageRequests;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.Objects;

@Controller
class PartnerGroupController {

    private final PartnerGroupDirectory directory;
    private final OrganisationDirectory organisations;
    private final PageRequests pages;

    PartnerGroupController(PartnerGroupDirectory directory, OrganisationDirectory organisations, PageRequests pages) {
        this.directory = directory;
        this.organisations = organisations;
        this.pages = pages;
    }

    @QueryMapping
    PartnerGroup partnerGroup(@Argument String id) {
        return directory.find(id).orElse(null);
    }

    @QueryMapping
    Window<PartnerGroup> partnerGroups(ScrollSubrange subrange) {
        return directory.list(pages.position(subrange), pages.size(subrange));
    }

    @EntityMapping
    List<PartnerGroup> partnerGroup(@Argument List<String> id) {
        return FederatedEntities.inRequestedOrder(id, directory.findAll(id), PartnerGroup::getId);
    }

    @SchemaMapping(typeName = "PartnerGroup")
    PartnerGroup parentGroup(PartnerGroup group) {
        return group.getParentGroupId() == null ? null : directory.find(group.getParentGroupId()).orElse(null);
    }

    @SchemaMapping(typeName = "PartnerGroup")
    List<PartnerGroup> subgroups(PartnerGroup group) {
        return directory.subgroupsOf(group.getId());
    }

    @SchemaMapping(typeName = "PartnerGroup")
    List<Organisation> organisations(PartnerGroup group) {
        Map<String, Organisation> found = organisations.findAll(group.getOrganisationIds());
        return group.getOrganisationIds().stream().map(found::get).filter(Objects::nonNull).distinct().toList();
    }
}
