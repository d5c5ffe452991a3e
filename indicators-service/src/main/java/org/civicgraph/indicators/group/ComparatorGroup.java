package org.civicgraph.indicators.group;

import org.civicgraph.platform.events.AggregateRoot;
import org.civicgraph.platform.events.FieldChanges;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of areas to compare an area within (quintiles, robust z-score): the districts of a county, a council
 * type, statistical neighbours. It belongs to the organisation that defined it; anyone may read it and use it.
 */
@Document("comparator_groups")
public class ComparatorGroup extends AggregateRoot {

    static final String DEFINED = "org.civicgraph.indicators.comparator-group.defined.v1";
    static final String CHANGED = "org.civicgraph.indicators.comparator-group.changed.v1";

    private String name;
    private ComparatorGroupKind kind;
    private List<String> memberCodes;
    private String source;
    private String ownerOrganisation;

    ComparatorGroup() {
    }

    static ComparatorGroup define(String id, String name, ComparatorGroupKind kind, List<String> memberCodes, String source,
                                  String ownerOrganisation, String definedBy) {
        ComparatorGroup group = new ComparatorGroup();
        group.id = id;
        group.name = name;
        group.kind = kind;
        group.memberCodes = List.copyOf(memberCodes);
        group.source = source;
        group.ownerOrganisation = ownerOrganisation;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("name", name);
        data.put("kind", kind.name());
        data.put("memberCodes", group.memberCodes);
        data.put("source", source);
        data.put("ownerOrganisation", ownerOrganisation);
        data.put("definedBy", definedBy);
        group.recordEvent(DEFINED, subject(id), data);
        return group;
    }

    /** Applies the fields given (null leaves one as it is) and records old and new values; returns whether anything changed. */
    boolean change(String newName, ComparatorGroupKind newKind, List<String> newMembers, String newSource, String changedBy) {
        FieldChanges changes = new FieldChanges();
        name = changes.setIfGiven("name", name, newName);
        kind = changes.setIfGiven("kind", kind, newKind);
        memberCodes = changes.setIfGiven("memberCodes", memberCodes, newMembers == null ? null : List.copyOf(newMembers));
        source = changes.setIfGiven("source", source, newSource);
        if (changes.isEmpty()) {
            return false;
        }
        recordEvent(CHANGED, subject(id), changes.eventData("id", id, changedBy));
        return true;
    }

    private static String subject(String id) {
        return "comparator-groups/" + id;
    }

    public String getName() {
        return name;
    }

    public ComparatorGroupKind getKind() {
        return kind;
    }

    public List<String> getMemberCodes() {
        return memberCodes;
    }

    public String getSource() {
        return source;
    }

    public String getOwnerOrganisation() {
        return ownerOrganisation;
    }
}
