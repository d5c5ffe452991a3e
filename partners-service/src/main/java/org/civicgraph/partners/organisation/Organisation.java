package org.civicgraph.partners.organisation;

import org.civicgraph.platform.events.AggregateRoot;
import org.civicgraph.platform.events.FieldChanges;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;
import java.util.Map;

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
        FieldChanges changes = new FieldChanges();
        name = changes.setIfGiven("name", name, newName);
        normalisedName = OrganisationNames.normalise(name);
        website = changes.setIfGiven("website", website, newWebsite);
        if (changes.isEmpty()) {
            return false;
        }
        recordEvent(UPDATED, subject(id), changes.eventData("id", id, changedBy));
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
