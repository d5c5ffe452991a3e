package org.civicgraph.partners.partnership;

import org.civicgraph.partners.group.PartnerGroup;
import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.partners.organisation.OrganisationDirectory;
import org.civicgraph.partners.organisation.Unit;
import org.civicgraph.partners.partner.PartnerKind;
import org.civicgraph.partners.partner.PartnerLookup;
import org.civicgraph.partners.partner.PartnerRef;
import org.civicgraph.platform.graphql.PageRequests;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Partnerships by lever area or plan, their members, each partner's partnerships, and adding and removing members. */
@Controller
class PartnershipController {

    private final PartnershipDirectory directory;
    private final PartnershipChanges changes;
    private final PartnerLookup partners;
    private final OrganisationDirectory organisations;
    private final PageRequests pages;

    PartnershipController(PartnershipDirectory directory, PartnershipChanges changes, PartnerLookup partners,
                          OrganisationDirectory organisations, PageRequests pages) {
        this.directory = directory;
        this.changes = changes;
        this.partners = partners;
        this.organisations = organisations;
        this.pages = pages;
    }

    @MutationMapping
    AddPartnershipMemberPayload addPartnershipMember(@Argument PartnershipChanges.AddPartnershipMemberInput input) {
        PartnershipChanges.MemberChange change = changes.addMember(input);
        return new AddPartnershipMemberPayload(change.partnership(), change.member());
    }

    @MutationMapping
    RemovePartnershipMemberPayload removePartnershipMember(@Argument PartnershipChanges.RemovePartnershipMemberInput input) {
        PartnershipChanges.MemberChange change = changes.removeMember(input);
        return new RemovePartnershipMemberPayload(change.partnership(), change.member());
    }

    record AddPartnershipMemberPayload(Partnership partnership, Membership member) {
    }

    record RemovePartnershipMemberPayload(Partnership partnership, Membership removed) {
    }

    @QueryMapping
    Partnership partnership(@Argument String id) {
        return directory.find(id).orElse(null);
    }

    @QueryMapping
    Window<Partnership> partnerships(@Argument LeverArea leverArea, @Argument String plan, ScrollSubrange subrange) {
        return directory.list(leverArea, plan, pages.position(subrange), pages.size(subrange));
    }

    @SchemaMapping(typeName = "Partnership")
    List<Membership> members(Partnership partnership, @Argument PartnerRole role) {
        return partnership.getMembers().stream()
                .filter(member -> role == null || member.role() == role)
                .map(member -> Membership.of(partnership, member))
                .toList();
    }

    @SchemaMapping(typeName = "Partnership")
    String plan(Partnership partnership) {
        return partnership.getPlanId();
    }

    @SchemaMapping(typeName = "Organisation")
    List<Membership> partnerships(Organisation organisation) {
        List<String> ids = new ArrayList<>(organisation.getMergedIds());
        ids.add(organisation.getId());
        return directory.membershipsOf(PartnerKind.ORGANISATION, ids);
    }

    @SchemaMapping(typeName = "Unit", field = "partnerships")
    List<Membership> unitPartnerships(Unit unit) {
        return directory.membershipsOf(PartnerKind.UNIT, List.of(unit.id()));
    }

    @SchemaMapping(typeName = "PartnerGroup", field = "partnerships")
    List<Membership> groupPartnerships(PartnerGroup group) {
        return directory.membershipsOf(PartnerKind.PARTNER_GROUP, List.of(group.getId()));
    }

    @BatchMapping(typeName = "PartnershipMember", field = "partnership")
    Map<Membership, Partnership> partnershipOf(List<Membership> memberships) {
        Map<String, Partnership> byId = new HashMap<>();
        directory.findAll(memberships.stream().map(Membership::partnershipId).distinct().toList())
                .forEach(partnership -> byId.put(partnership.getId(), partnership));
        Map<Membership, Partnership> result = new HashMap<>();
        memberships.forEach(membership -> result.put(membership, byId.get(membership.partnershipId())));
        return result;
    }

    @BatchMapping(typeName = "PartnershipMember", field = "partner")
    Map<Membership, Object> partnerOf(List<Membership> memberships) {
        Map<PartnerRef, Object> found = partners.findAll(memberships.stream().map(Membership::partner).distinct().toList());
        Map<Membership, Object> result = new HashMap<>();
        memberships.stream().filter(membership -> found.containsKey(membership.partner()))
                .forEach(membership -> result.put(membership, found.get(membership.partner())));
        return result;
    }

    @BatchMapping(typeName = "PartnershipMember", field = "units")
    Map<Membership, List<Unit>> unitsOf(List<Membership> memberships) {
        Map<String, Unit> found = organisations.findUnits(memberships.stream().flatMap(membership -> membership.unitIds().stream())
                .distinct().toList());
        Map<Membership, List<Unit>> result = new HashMap<>();
        memberships.forEach(membership -> result.put(membership,
                membership.unitIds().stream().map(found::get).filter(Objects::nonNull).toList()));
        return result;
    }
}
