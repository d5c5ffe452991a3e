package org.civicgraph.partners.partnership;

import org.civicgraph.partners.organisation.IsoDate;
import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.partners.organisation.OrganisationAccess;
import org.civicgraph.partners.organisation.OrganisationStatus;
import org.civicgraph.partners.partner.PartnerKind;
import org.civicgraph.partners.partner.PartnerLookup;
import org.civicgraph.partners.partner.PartnerRef;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Adds and removes partnership members under the partnership's ownership rules. Platform admins and the admins of
 * a lead organisation (a LEAD member itself or through one of its units) may add and remove any member; an
 * organisation's own admins may withdraw it, or one of its units, from a partnership but not join one. A partner is
 * a member at most once, in one role; a partnership keeps at least one lead.
 */
@Service
class PartnershipChanges {

    private static final int LONGEST_REASON = 500;

    private final PartnershipDirectory directory;
    private final PartnerLookup partners;
    private final OrganisationAccess access;

    PartnershipChanges(PartnershipDirectory directory, PartnerLookup partners, OrganisationAccess access) {
        this.directory = directory;
        this.partners = partners;
        this.access = access;
    }

    /** The member as stored (a merged organisation's id becomes its survivor's), in the changed partnership. */
    MemberChange addMember(AddPartnershipMemberInput input) {
        Caller caller = RecordAccess.requireSignedIn();
        Partnership found = load(input.partnershipId());
        requireMayManage(caller, found);
        PartnershipMember member = new PartnershipMember(input.partnerKind(), existingPartnerId(input),
                input.role(), orEmpty(input.unitIds()), IsoDate.parse("since", input.since()), null);
        return ConflictRetry.run(() -> {
            Partnership partnership = load(input.partnershipId());
            partnership.findMember(member.partner()).ifPresent(existing -> {
                throw new InvalidInputException("partnerId", member.partnerId() + " is already a member of " + partnership.getId()
                        + " as " + existing.role() + "; remove it first to change its role");
            });
            partnership.addMember(member, caller.subject());
            return MemberChange.of(directory.save(partnership), member);
        });
    }

    /** The member the partnership no longer has. */
    MemberChange removeMember(RemovePartnershipMemberInput input) {
        Caller caller = RecordAccess.requireSignedIn();
        if (input.reason() != null && input.reason().length() > LONGEST_REASON) {
            throw new InvalidInputException("reason", "reason must be at most " + LONGEST_REASON + " characters");
        }
        PartnerRef partner = new PartnerRef(input.partnerKind(), input.partnerId());
        return ConflictRetry.run(() -> {
            Partnership partnership = load(input.partnershipId());
            PartnershipMember member = partnership.findMember(partner).orElseThrow(() -> new NotFoundException("partnerId",
                    input.partnerId() + " is not a " + input.partnerKind() + " member of " + partnership.getId()));
            boolean withdrawingItsOwn = access.mayChange(caller, partner.organisationId());
            if (!withdrawingItsOwn) {
                requireMayManage(caller, partnership);
            }
            if (member.role() == PartnerRole.LEAD
                    && partnership.getMembers().stream().filter(other -> other.role() == PartnerRole.LEAD).count() == 1) {
                throw new InvalidInputException("partnerId", input.partnerId() + " is the only lead of " + partnership.getId()
                        + "; add another lead first");
            }
            partnership.removeMember(member, input.reason(), caller.subject());
            return MemberChange.of(directory.save(partnership), member);
        });
    }

    private void requireMayManage(Caller caller, Partnership partnership) {
        if (access.isPlatformAdmin(caller) || partnership.leadOrganisationIds().stream().anyMatch(lead -> access.mayChange(caller, lead))) {
            return;
        }
        throw new AccessDeniedException("Only an admin of a lead organisation of " + partnership.getId() + " "
                + partnership.leadOrganisationIds() + " or a platform admin may change its members; you are signed in for "
                + caller.organisation() + " with roles " + caller.roles());
    }

    /** The partner's id as it is to be stored, after checking that it exists and may join. */
    private String existingPartnerId(AddPartnershipMemberInput input) {
        PartnerRef requested = new PartnerRef(input.partnerKind(), input.partnerId());
        Object partner = partners.findAll(List.of(requested)).get(requested);
        if (partner == null) {
            throw new NotFoundException("partnerId", "No " + input.partnerKind().name().toLowerCase().replace('_', ' ')
                    + " has the id " + input.partnerId());
        }
        List<String> unitIds = orEmpty(input.unitIds());
        if (input.partnerKind() != PartnerKind.ORGANISATION) {
            if (!unitIds.isEmpty()) {
                throw new InvalidInputException("unitIds", "only an organisation member names units of its own");
            }
            return input.partnerId();
        }
        Organisation organisation = (Organisation) partner;
        if (organisation.getStatus() == OrganisationStatus.CLOSED) {
            throw new InvalidInputException("partnerId", organisation.getId() + " closed on " + organisation.getClosedOn());
        }
        for (String unitId : unitIds) {
            if (organisation.findUnit(unitId).isEmpty()) {
                throw new InvalidInputException("unitIds", organisation.getId() + " has no unit " + unitId);
            }
        }
        return organisation.getId();
    }

    private Partnership load(String partnershipId) {
        return directory.find(partnershipId)
                .orElseThrow(() -> new NotFoundException("partnershipId", "No partnership has the id " + partnershipId));
    }

    /** A partnership after a change and the member added or removed. */
    record MemberChange(Partnership partnership, Membership member) {

        static MemberChange of(Partnership partnership, PartnershipMember member) {
            return new MemberChange(partnership, Membership.of(partnership, member));
        }
    }

    record AddPartnershipMemberInput(String partnershipId, PartnerKind partnerKind, String partnerId, PartnerRole role,
                                     List<String> unitIds, String since) {
    }

    record RemovePartnershipMemberInput(String partnershipId, PartnerKind partnerKind, String partnerId, String reason) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
