package org.civicgraph.partners.partnership;

import org.civicgraph.platform.events.AggregateRoot;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who partners on one lever area of a plan, or on a plan as a whole, and in which role. */
@Document("partnerships")
public class Partnership extends AggregateRoot {

    static final String REGISTERED = "org.civicgraph.partners.partnership.registered.v1";

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
        partnership.recordEvent(REGISTERED, "partnerships/" + id, data);
        return partnership;
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
