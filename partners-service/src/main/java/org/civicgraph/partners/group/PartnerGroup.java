package org.civicgraph.partners.group;

import org.civicgraph.partners.name.NameText;
import org.civicgraph.partners.name.SearchKeys;
import org.civicgraph.platform.events.AggregateRoot;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of partner that the source documents name instead of an organisation ("private sector landlords",
 * "sports clubs", "third sector providers"): kept apart from organisations so that the directory holds no
 * made-up bodies, yet it can take part in partnerships and a written name can resolve to it.
 */
@Document("partner_groups")
public class PartnerGroup extends AggregateRoot {

    public static final String SEARCH_KEYS = "searchKeys";

    static final String REGISTERED = "org.civicgraph.partners.partner-group.registered.v1";

    private String name;
    @Indexed
    private String normalisedName;
    private List<String> otherNames;
    private String description;
    private List<String> areasServed;
    @Indexed(sparse = true)
    private String parentGroupId;
    private List<String> organisationIds;
    @Indexed
    private List<String> searchKeys;

    PartnerGroup() {
    }

    static PartnerGroup register(String id, String name, List<String> otherNames, String description, List<String> areasServed,
                                 String parentGroupId, List<String> organisationIds) {
        PartnerGroup group = new PartnerGroup();
        group.id = id;
        group.name = name;
        group.normalisedName = NameText.normalise(name);
        group.otherNames = List.copyOf(otherNames);
        group.description = description;
        group.areasServed = List.copyOf(areasServed);
        group.parentGroupId = parentGroupId;
        group.organisationIds = List.copyOf(organisationIds);
        group.searchKeys = SearchKeys.of(group.getAllNames());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("name", name);
        data.put("otherNames", group.otherNames);
        data.put("areasServed", group.areasServed);
        data.put("parentGroupId", parentGroupId);
        data.put("organisationIds", group.organisationIds);
        group.recordEvent(REGISTERED, "partner-groups/" + id, data);
        return group;
    }

    public List<String> getAllNames() {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(getOtherNames());
        return names;
    }

    public String getName() {
        return name;
    }

    /** The keys the group is found by ({@link SearchKeys}). */
    public List<String> getSearchKeys() {
        return searchKeys == null ? List.of() : searchKeys;
    }

    public List<String> getOtherNames() {
        return otherNames == null ? List.of() : otherNames;
    }

    public String getDescription() {
        return description;
    }

    public List<String> getAreasServed() {
        return areasServed == null ? List.of() : areasServed;
    }

    public String getParentGroupId() {
        return parentGroupId;
    }

    /** Organisations the sources name as belonging to the group, such as the University of Lincoln in further and higher education. */
    public List<String> getOrganisationIds() {
        return organisationIds == null ? List.of() : organisationIds;
    }
}
