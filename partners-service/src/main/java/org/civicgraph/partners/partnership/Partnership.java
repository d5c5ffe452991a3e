package org.civicgraph.partners.partnership;

import org.civicgraph.partners.partner.PartnerRef;
import org.civicgraph.platform.events.AggregateRoot;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Who partners on one lever area of a plan, or on a plan as a whole, and in which role. */
@Document("partnerships")
public class Partnership extends AggregateRoot {

    static final String REGISTERED = "org.civicgraph.partners.partnership.registered.v1";
    static final String MEMBER_ADDED = "org.civicgraph.partners.partnership.member-added.v1";
    static final String MEMBER_REMOVED = "org.civicgraph.partners.partnership.member-removed.v1";

    private String name;
    @Indexed
    private LeverArea leverArea;
    @Indexed
    private String planId;
    private List<PartnershipMember> members;

    Partnership() {
    }

    static Partnership register(String id, String name, LeverArea leverArea, String planId, List<PartnershipMember> members) {
        Partnership partnership = new Partnership();
        partnership.id = id;
        partnership.name = name;
        partnership.leverArea = leverArea;
        partnership.planId = planId;
        partnership.members = List.copyOf(members);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("name", name);
        data.put("leverArea", leverArea == null ? null : leverArea.name());
        data.put("planId", planId);
        data.put("members", members.stream().map(member -> Map.of("kind", member.kind().name(), "partnerId", member.partnerId(),
                "role", member.role().name(), "unitIds", member.unitIds())).toList());
        partnership.recordEvent(REGISTERED, subject(id), data);
        return partnership;
    }

    void addMember(PartnershipMember member, String changedBy) {
        List<PartnershipMember> updated = new ArrayList<>(getMembers());
        updated.add(member);
        members = List.copyOf(updated);
        Map<String, Object> data = changeData(changedBy);
        data.put("member", described(member));
        recordEvent(MEMBER_ADDED, subject(id), data);
    }

    /** Removes the member and records it, with the reason, if any. */
    void removeMember(PartnershipMember member, String reason, String changedBy) {
        members = getMembers().stream().filter(other -> !other.equals(member)).toList();
        Map<String, Object> data = changeData(changedBy);
        data.put("member", described(member));
        data.put("reason", reason);
        recordEvent(MEMBER_REMOVED, subject(id), data);
    }

    Optional<PartnershipMember> findMember(PartnerRef partner) {
        return getMembers().stream().filter(member -> member.partner().equals(partner)).findFirst();
    }

    /** The organisations leading it, themselves or through one of their units. */
    Set<String> leadOrganisationIds() {
        Set<String> ids = new LinkedHashSet<>();
        getMembers().stream().filter(member -> member.role() == PartnerRole.LEAD).map(member -> member.partner().organisationId())
                .filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }

    private Map<String, Object> changeData(String changedBy) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("leverArea", leverArea == null ? null : leverArea.name());
        data.put("planId", planId);
        data.put("changedBy", changedBy);
        return data;
    }

    private static Map<String, Object> described(PartnershipMember member) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("kind", member.kind().name());
        described.put("partnerId", member.partnerId());
        described.put("role", member.role().name());
        described.put("unitIds", member.unitIds());
        described.put("since", member.since() == null ? null : member.since().toString());
        return described;
    }

    private static String subject(String id) {
        return "partnerships/" + id;
    }

    public String getName() {
        return name;
    }

    public LeverArea getLeverArea() {
        return leverArea;
    }

    /** The plans-service plan the partnership works on, such as lincolnshire-districts-health-wellbeing-strategy. */
    public String getPlanId() {
        return planId;
    }

    public List<PartnershipMember> getMembers() {
        return members == null ? List.of() : members;
    }
}
