package org.civicgraph.partners.organisation;

import org.civicgraph.partners.name.NameText;
import org.civicgraph.partners.name.SearchKeys;
import org.civicgraph.platform.events.AggregateRoot;
import org.civicgraph.platform.events.FieldChanges;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An organisation in the directory, identified by a stable slug such as {@code boston-bc}. Its units and the
 * relationships it states are part of its record, so every change to them is one write with its event. A record
 * merged into another stays as a pointer ({@code mergedInto}) so that its id keeps leading to the survivor.
 * Named contacts are kept here but never written into an event.
 */
@Document("organisations")
@CompoundIndex(name = "identifier", def = "{'identifiers.scheme': 1, 'identifiers.value': 1}")
public class Organisation extends AggregateRoot {

    public static final String SEARCH_KEYS = "searchKeys";
    public static final String UNIT_SEARCH_KEYS = "units.searchKeys";
    public static final String SORT_NAME = "normalisedName";

    static final String REGISTERED = "org.civicgraph.partners.organisation.registered.v1";
    static final String UPDATED = "org.civicgraph.partners.organisation.updated.v1";
    static final String RENAMED = "org.civicgraph.partners.organisation.renamed.v1";
    static final String CLOSED = "org.civicgraph.partners.organisation.closed.v1";
    static final String MERGED = "org.civicgraph.partners.organisation.merged.v1";
    static final String RELATIONSHIP_CHANGED = "org.civicgraph.partners.organisation.relationship-changed.v1";
    static final String UNIT_ADDED = "org.civicgraph.partners.organisation.unit-added.v1";

    private String name;
    @Indexed
    private String normalisedName;
    private List<String> otherNames;
    @Indexed
    private List<String> searchKeys;
    @Indexed
    private OrganisationType type;
    private List<Identifier> identifiers;
    @Indexed
    private List<String> areasServed;
    private String website;
    private List<ContactPoint> contactPoints;
    private List<Contact> contacts;
    @Indexed
    private OrganisationStatus status;
    private LocalDate openedOn;
    private LocalDate closedOn;
    @Indexed(sparse = true)
    private String mergedInto;
    @Indexed
    private List<String> mergedIds;
    private List<Unit> units;
    private List<Relationship> relationships;
    @Indexed(sparse = true)
    private String openReferralId;

    Organisation() {
    }

    /** A new organisation with the units it is known to have, recorded in one event. */
    static Organisation register(String id, OrganisationDetails details, List<NewUnit> newUnits) {
        Organisation organisation = new Organisation();
        organisation.id = id;
        organisation.name = details.name();
        organisation.otherNames = distinctOtherNames(details.name(), details.otherNames());
        organisation.type = details.type();
        organisation.identifiers = copy(details.identifiers());
        organisation.areasServed = copy(details.areasServed());
        organisation.website = details.website();
        organisation.contactPoints = copy(details.contactPoints());
        organisation.contacts = copy(details.contacts());
        organisation.status = OrganisationStatus.ACTIVE;
        organisation.openedOn = details.openedOn();
        organisation.mergedIds = List.of();
        organisation.units = newUnits.stream()
                .map(unit -> new Unit(Unit.idOf(id, unit.slug()), unit.name(), distinctOtherNames(unit.name(), unit.otherNames()), id))
                .toList();
        organisation.relationships = List.of();
        organisation.openReferralId = openReferralIdOf(id);
        organisation.refreshSearchKeys();
        Map<String, Object> data = organisation.publicData();
        data.put("units", organisation.units.stream().map(unit -> Map.of("id", unit.id(), "name", unit.name())).toList());
        organisation.recordEvent(REGISTERED, subject(id), data);
        return organisation;
    }

    /** Applies what the edit changes and records it, old and new; returns whether anything changed. */
    boolean edit(OrganisationDetails edit, String changedBy) {
        FieldChanges changes = new FieldChanges();
        String oldName = name;
        name = changes.setIfGiven("name", name, edit.name());
        otherNames = changes.setIfGiven("otherNames", getOtherNames(),
                edit.otherNames() == null ? null : distinctOtherNames(name, edit.otherNames()));
        type = changes.setIfGiven("type", type, edit.type());
        identifiers = changes.setIfGiven("identifiers", getIdentifiers(), copy(edit.identifiers()));
        areasServed = changes.setIfGiven("areasServed", getAreasServed(), copy(edit.areasServed()));
        website = changes.setIfGiven("website", website, edit.website());
        contactPoints = changes.setIfGiven("contactPoints", getContactPoints(), copy(edit.contactPoints()));
        openedOn = changes.setIfGiven("openedOn", openedOn, edit.openedOn());
        if (edit.contacts() != null && !edit.contacts().equals(getContacts())) {
            // who the contacts are is internal: the event says only that they changed
            changes.set("contacts", "internal, " + getContacts().size() + " named", "internal, " + edit.contacts().size() + " named");
            contacts = List.copyOf(edit.contacts());
        }
        if (changes.isEmpty()) {
            return false;
        }
        refreshSearchKeys();
        recordEvent(UPDATED, subject(id), changes.eventData("id", id, changedBy));
        if (!Objects.equals(oldName, name)) {
            FieldChanges renaming = new FieldChanges();
            renaming.set("name", oldName, name);
            Map<String, Object> data = renaming.eventData("id", id, changedBy);
            data.put("name", name);
            recordEvent(RENAMED, subject(id), data);
        }
        return true;
    }

    void close(LocalDate on, String reason, String changedBy) {
        FieldChanges changes = new FieldChanges();
        status = changes.set("status", getStatus(), OrganisationStatus.CLOSED);
        closedOn = changes.set("closedOn", closedOn, on);
        Map<String, Object> data = changes.eventData("id", id, changedBy);
        data.put("closedOn", on.toString());
        data.put("reason", reason);
        recordEvent(CLOSED, subject(id), data);
    }

    /**
     * Takes in a duplicate record: its names become other names here, its identifiers, areas, units and relationships
     * are added, and its id (with any ids merged into it before) will lead here. Returns whether anything changed,
     * so that repeating an interrupted merge is harmless.
     */
    boolean absorb(Organisation duplicate, String changedBy) {
        FieldChanges changes = new FieldChanges();
        List<String> names = new ArrayList<>(getOtherNames());
        names.add(duplicate.name);
        names.addAll(duplicate.getOtherNames());
        otherNames = changes.set("otherNames", getOtherNames(), distinctOtherNames(name, names));
        identifiers = changes.set("identifiers", getIdentifiers(), union(getIdentifiers(), duplicate.getIdentifiers()));
        areasServed = changes.set("areasServed", getAreasServed(), union(getAreasServed(), duplicate.getAreasServed()));
        List<String> absorbedIds = new ArrayList<>(duplicate.getMergedIds());
        absorbedIds.add(duplicate.id);
        mergedIds = changes.set("mergedIds", getMergedIds(), union(getMergedIds(), absorbedIds));
        List<Unit> movedUnits = new ArrayList<>(getUnits());
        duplicate.getUnits().stream().filter(unit -> findUnit(unit.id()).isEmpty()).map(unit -> unit.movedTo(id)).forEach(movedUnits::add);
        changes.set("units", unitIds(getUnits()), unitIds(movedUnits));
        units = List.copyOf(movedUnits);
        List<Relationship> movedRelationships = new ArrayList<>(getRelationships());
        duplicate.getRelationships().stream()
                .filter(relationship -> !relationship.otherId().equals(id))
                .filter(relationship -> getRelationships().stream().noneMatch(own -> own.id().equals(relationship.id())))
                .forEach(movedRelationships::add);
        relationships = changes.set("relationships", getRelationships(), List.copyOf(movedRelationships));
        if (changes.isEmpty()) {
            return false;
        }
        refreshSearchKeys();
        recordEvent(UPDATED, subject(id), changes.eventData("id", id, changedBy));
        return true;
    }

    /** Turns this record into a pointer to the survivor of a merge; its id leads there from now on. */
    void markMergedInto(Organisation survivor, LocalDate on, String changedBy) {
        FieldChanges changes = new FieldChanges();
        mergedInto = changes.set("mergedInto", mergedInto, survivor.id);
        status = changes.set("status", getStatus(), OrganisationStatus.CLOSED);
        closedOn = changes.set("closedOn", closedOn, on);
        searchKeys = List.of();
        units = List.of();
        relationships = List.of();
        Map<String, Object> data = changes.eventData("id", id, changedBy);
        data.put("mergedInto", survivor.id);
        data.put("survivorName", survivor.name);
        recordEvent(MERGED, subject(id), data);
    }

    void addRelationship(Relationship relationship, String changedBy) {
        FieldChanges changes = new FieldChanges();
        changes.set("relationships", null, relationship.toString());
        List<Relationship> updated = new ArrayList<>(getRelationships());
        updated.add(relationship);
        relationships = List.copyOf(updated);
        Map<String, Object> data = changes.eventData("id", id, changedBy);
        data.put("change", "ADDED");
        data.put("relationship", described(relationship));
        recordEvent(RELATIONSHIP_CHANGED, subject(id), data);
    }

    /** Records that a relationship it states held until the given day, the reason in the event. */
    Relationship endRelationship(String relationshipId, LocalDate lastDay, String reason, String changedBy) {
        Relationship current = findRelationship(relationshipId)
                .orElseThrow(() -> new IllegalArgumentException(id + " states no relationship " + relationshipId));
        Relationship ended = current.endingOn(lastDay);
        relationships = getRelationships().stream().map(relationship -> relationship == current ? ended : relationship).toList();
        FieldChanges changes = new FieldChanges();
        changes.set("relationships", current.toString(), ended.toString());
        Map<String, Object> data = changes.eventData("id", id, changedBy);
        data.put("change", "ENDED");
        data.put("relationship", described(ended));
        data.put("reason", reason);
        recordEvent(RELATIONSHIP_CHANGED, subject(id), data);
        return ended;
    }

    private static Map<String, Object> described(Relationship relationship) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("id", relationship.id());
        described.put("kind", relationship.kind().name());
        described.put("otherOrganisationId", relationship.otherId());
        described.put("unitId", relationship.unitId());
        described.put("since", relationship.since() == null ? null : relationship.since().toString());
        described.put("until", relationship.until() == null ? null : relationship.until().toString());
        described.put("description", relationship.description());
        return described;
    }

    Unit addUnit(String slug, String unitName, List<String> unitOtherNames, String changedBy) {
        Unit unit = new Unit(Unit.idOf(id, slug), unitName, distinctOtherNames(unitName, unitOtherNames), id);
        List<Unit> updated = new ArrayList<>(getUnits());
        updated.add(unit);
        units = List.copyOf(updated);
        refreshSearchKeys();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("changedBy", changedBy);
        data.put("unit", Map.of("id", unit.id(), "name", unit.name(), "otherNames", unit.otherNames()));
        recordEvent(UNIT_ADDED, subject(id), data);
        return findUnit(unit.id()).orElseThrow();
    }

    public Optional<Relationship> findRelationship(String relationshipId) {
        return getRelationships().stream().filter(relationship -> relationship.id().equals(relationshipId)).findFirst();
    }

    public Optional<Unit> findUnit(String unitId) {
        return getUnits().stream().filter(unit -> unit.id().equals(unitId)).findFirst();
    }

    /** Every name the organisation goes by, its own first. */
    public List<String> getAllNames() {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(getOtherNames());
        return names;
    }

    public boolean isMerged() {
        return mergedInto != null;
    }

    /** The keys the organisation is found by on its own names ({@link SearchKeys}); none once merged into another. */
    public List<String> getSearchKeys() {
        return searchKeys == null ? List.of() : searchKeys;
    }

    /** The keys of all its units together, as a query on {@value #UNIT_SEARCH_KEYS} sees them. */
    public Set<String> unitSearchKeys() {
        Set<String> keys = new LinkedHashSet<>();
        getUnits().forEach(unit -> keys.addAll(unit.searchKeys()));
        return keys;
    }

    public String getNormalisedName() {
        return normalisedName;
    }

    private void refreshSearchKeys() {
        normalisedName = NameText.normalise(name);
        searchKeys = SearchKeys.of(getAllNames());
        units = getUnits().stream().map(unit -> unit.withSearchKeys(SearchKeys.of(unit.namesWithin(getAllNames())))).toList();
    }

    private Map<String, Object> publicData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("name", name);
        data.put("otherNames", getOtherNames());
        data.put("type", type.name());
        data.put("identifiers", getIdentifiers().stream().map(Identifier::toString).toList());
        data.put("areasServed", getAreasServed());
        data.put("website", website);
        data.put("contactPoints", getContactPoints().stream().map(ContactPoint::toString).toList());
        data.put("status", getStatus().name());
        data.put("openedOn", openedOn == null ? null : openedOn.toString());
        return data;
    }

    private static List<String> distinctOtherNames(String name, List<String> otherNames) {
        if (otherNames == null) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        otherNames.stream().map(String::strip).filter(other -> !other.isEmpty() && !other.equals(name)).forEach(distinct::add);
        return List.copyOf(distinct);
    }

    private static List<String> unitIds(List<Unit> units) {
        return units.stream().map(Unit::id).toList();
    }

    private static <T> List<T> union(List<T> first, List<T> second) {
        LinkedHashSet<T> union = new LinkedHashSet<>(first);
        union.addAll(second);
        return List.copyOf(union);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    static String openReferralIdOf(String id) {
        return UUID.nameUUIDFromBytes(("civicgraph:organisation:" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String subject(String id) {
        return "organisations/" + id;
    }

    public String getName() {
        return name;
    }

    public List<String> getOtherNames() {
        return otherNames == null ? List.of() : otherNames;
    }

    public OrganisationType getType() {
        return type;
    }

    public List<Identifier> getIdentifiers() {
        return identifiers == null ? List.of() : identifiers;
    }

    public List<String> getAreasServed() {
        return areasServed == null ? List.of() : areasServed;
    }

    public String getWebsite() {
        return website;
    }

    public List<ContactPoint> getContactPoints() {
        return contactPoints == null ? List.of() : contactPoints;
    }

    /** Internal: callers outside this package reach named contacts only through {@link OrganisationDirectory#contactsFor}. */
    List<Contact> getContacts() {
        return contacts == null ? List.of() : contacts;
    }

    public OrganisationStatus getStatus() {
        return status == null ? OrganisationStatus.ACTIVE : status;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getMergedInto() {
        return mergedInto;
    }

    public List<String> getMergedIds() {
        return mergedIds == null ? List.of() : mergedIds;
    }

    public List<Unit> getUnits() {
        return units == null ? List.of() : units;
    }

    public List<Relationship> getRelationships() {
        return relationships == null ? List.of() : relationships;
    }

    /** The record's id in the Open Referral export: a UUID derived from the slug, as HSDS requires UUIDs. */
    public String getOpenReferralId() {
        return openReferralId == null ? openReferralIdOf(id) : openReferralId;
    }
}
