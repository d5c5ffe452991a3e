package org.civicgraph.partners.organisation;

import org.civicgraph.platform.events.AggregateRoot;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An organisation in the directory, identified by a stable slug such as {@code boston-bc}. It owns its own record. */
@Document("organisations")
public class Organisation extends AggregateRoot {

    static final String REGISTERED = "org.civicgraph.partners.organisation.registered.v1";
    static final String UPDATED = "org.civicgraph.partners.organisation.updated.v1";

    private String name;
    @Indexed
    private String normalisedName;
    private OrganisationType type;
    private List<Identifier> identifiers;
    @Indexed
    private List<String> areasServed;
    private String website;

    Organisation() {
    }

    static Organisation register(String id, String name, OrganisationType type, List<Identifier> identifiers,
                                 List<String> areasServed, String website) {
        Organisation organisation = new Organisation();
        organisation.id = id;
        organisation.name = name;
        organisation.normalisedName = OrganisationNames.normalise(name);
        organisation.type = type;
        organisation.identifiers = List.copyOf(identifiers);
        organisation.areasServed = List.copyOf(areasServed);
        organisation.website = website;
        organisation.recordEvent(REGISTERED, subject(id), Map.of("id", id, "name", name, "type", type.name(),
                "areasServed", areasServed));
        return organisation;
    }

    /** Applies the changes that differ from the current values and records them, old and new; returns whether anything changed. */
    boolean update(String newName, String newWebsite, String changedBy) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (newName != null && !newName.equals(name)) {
            changes.put("name", Map.of("old", name, "new", newName));
            name = newName;
            normalisedName = OrganisationNames.normalise(newName);
        }
        if (newWebsite != null && !Objects.equals(newWebsite, website)) {
            changes.put("website", Map.of("old", String.valueOf(website), "new", newWebsite));
            website = newWebsite;
        }
        if (changes.isEmpty()) {
            return false;
        }
        recordEvent(UPDATED, subject(id), Map.of("id", id, "changedBy", changedBy, "changes", changes));
        return true;
    }

    private static String subject(String id) {
        return "organisations/" + id;
    }

    public String getName() {
        return name;
    }

    public OrganisationType getType() {
        return type;
    }

    public List<Identifier> getIdentifiers() {
        return identifiers;
    }

    public List<String> getAreasServed() {
        return areasServed;
    }

    public String getWebsite() {
        return website;
    }
}
