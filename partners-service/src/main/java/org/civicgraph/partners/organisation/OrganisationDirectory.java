package org.civicgraph.partners.organisation;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.MatchOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds organisations and their units. The id of a record merged into another leads to the survivor, however many
 * merges ago; lookups follow at most {@value #MOST_HOPS} such steps so that a damaged chain cannot loop.
 */
@Service
public class OrganisationDirectory {

    static final int MOST_HOPS = 10;

    private final Organisations organisations;
    private final MongoTemplate mongo;

    OrganisationDirectory(Organisations organisations, MongoTemplate mongo) {
        this.organisations = organisations;
        this.mongo = mongo;
    }

    public Optional<Organisation> find(String id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    /** Each requested id that exists, mapped to its organisation (the survivor, for merged ids). */
    public Map<String, Organisation> findAll(Collection<String> ids) {
        Map<String, String> pointingAt = new LinkedHashMap<>();
        ids.forEach(id -> pointingAt.put(id, id));
        Map<String, Organisation> found = new HashMap<>();
        Set<String> wanted = new HashSet<>(pointingAt.values());
        for (int hop = 0; hop < MOST_HOPS && !wanted.isEmpty(); hop++) {
            organisations.findAllById(wanted).forEach(organisation -> found.put(organisation.getId(), organisation));
            wanted = new HashSet<>();
            for (Map.Entry<String, String> entry : pointingAt.entrySet()) {
                Organisation organisation = found.get(entry.getValue());
                if (organisation != null && organisation.isMerged()) {
                    entry.setValue(organisation.getMergedInto());
                    if (!found.containsKey(organisation.getMergedInto())) {
                        wanted.add(organisation.getMergedInto());
                    }
                }
            }
        }
        Map<String, Organisation> result = new LinkedHashMap<>();
        pointingAt.forEach((requested, target) -> {
            Organisation organisation = found.get(target);
            if (organisation != null && !organisation.isMerged()) {
                result.put(requested, organisation);
            }
        });
        return result;
    }

    public Optional<Organisation> findByIdentifier(IdentifierScheme scheme, String value) {
        Query query = Query.query(Criteria.where("identifiers").elemMatch(Criteria.where("scheme").is(scheme.name()).and("value").is(value)))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(query, Organisation.class)).flatMap(organisation -> find(organisation.getId()));
    }

    public Optional<Unit> findUnit(String unitId) {
        return Optional.ofNullable(findUnits(List.of(unitId)).get(unitId));
    }

    /**
     * Each requested unit that exists. A unit's id begins with the id of the organisation it was added to, so the
     * organisations are loaded by id (following merges, which move units to the survivor with their ids unchanged):
     * primary-key reads rather than a query on {@code units.id}, which the embedded server would answer with a scan.
     */
    public Map<String, Unit> findUnits(Collection<String> unitIds) {
        Map<String, Unit> units = new HashMap<>();
        if (unitIds.isEmpty()) {
            return units;
        }
        Set<String> wanted = new HashSet<>(unitIds);
        for (Organisation organisation : new HashSet<>(findAll(wanted.stream().map(Unit::organisationIdOf).distinct().toList()).values())) {
            organisation.getUnits().stream().filter(unit -> wanted.contains(unit.id())).forEach(unit -> units.put(unit.id(), unit));
        }
        return units;
    }

    /** Named contacts, for signed-in callers only; null for anyone else. */
    public List<Contact> contactsFor(Organisation organisation) {
        return OrganisationAccess.mayReadInternal() ? organisation.getContacts() : null;
    }

    /** The organisations that state a relationship to this one (or to a record merged into it). */
    public List<Organisation> relatedTo(Organisation organisation) {
        List<String> ids = new ArrayList<>(organisation.getMergedIds());
        ids.add(organisation.getId());
        return mongo.find(Query.query(Criteria.where("relationships.otherId").in(ids)), Organisation.class);
    }

    /** The body that directly replaced this one, if it was succeeded. */
    public Optional<Organisation> successor(Organisation organisation) {
        return organisation.getRelationships().stream()
                .filter(relationship -> relationship.kind() == RelationshipKind.SUCCEEDED_BY)
                .reduce((first, later) -> later)
                .flatMap(relationship -> find(relationship.otherId()));
    }

    /** The organisation itself, or the body that now does its job, following successors to the last. */
    public Organisation current(Organisation organisation) {
        Organisation current = organisation;
        for (int hop = 0; hop < MOST_HOPS; hop++) {
            Optional<Organisation> successor = successor(current);
            if (successor.isEmpty() || successor.get().getId().equals(organisation.getId())) {
                break;
            }
            current = successor.get();
        }
        return current;
    }

    /** Organisations that are not merged into another, by name, for exports. */
    public List<Organisation> listed(long skip, int limit) {
        Query query = Query.query(Criteria.where("mergedInto").is(null)).with(Sort.by(Organisation.SORT_NAME, "_id")).skip(skip).limit(limit);
        return mongo.find(query, Organisation.class);
    }

    public long countListed() {
        return mongo.count(Query.query(Criteria.where("mergedInto").is(null)), Organisation.class);
    }

    /** The units of the organisations that are listed, in their organisations' order and then as recorded, for exports. */
    public List<Unit> listedUnits(long skip, int limit) {
        Aggregation units = Aggregation.newAggregation(withUnits(), Aggregation.sort(Sort.by(Organisation.SORT_NAME, "_id")),
                Aggregation.project("units"), Aggregation.unwind("units"), Aggregation.skip(skip), Aggregation.limit(limit));
        return mongo.aggregate(units, Organisation.class, Document.class).getMappedResults().stream()
                .map(row -> mongo.getConverter().read(Unit.class, row.get("units", Document.class)))
                .toList();
    }

    public long countListedUnits() {
        Aggregation count = Aggregation.newAggregation(withUnits(), Aggregation.project("units"), Aggregation.unwind("units"),
                Aggregation.group().count().as("units"));
        Document result = mongo.aggregate(count, Organisation.class, Document.class).getUniqueMappedResult();
        return result == null ? 0 : ((Number) result.get("units")).longValue();
    }

    private static MatchOperation withUnits() {
        return Aggregation.match(Criteria.where("mergedInto").is(null).and("units.0").exists(true));
    }

    /** A unit by the UUID the Open Referral export gives it. */
    public Optional<Unit> findUnitByOpenReferralId(String openReferralId) {
        Organisation organisation = mongo.findOne(Query.query(Criteria.where("units.openReferralId").is(openReferralId)
                .and("mergedInto").is(null)), Organisation.class);
        return organisation == null ? Optional.empty()
                : organisation.getUnits().stream().filter(unit -> openReferralId.equals(unit.openReferralId())).findFirst();
    }

    /** By the UUID the Open Referral export gives the organisation. */
    public Optional<Organisation> findByOpenReferralId(String openReferralId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("openReferralId").is(openReferralId)), Organisation.class))
                .flatMap(organisation -> find(organisation.getId()));
    }

    /** Whether any organisation states a relationship yet. */
    public boolean anyRelationships() {
        return mongo.exists(Query.query(Criteria.where("relationships.0").exists(true)), Organisation.class);
    }

    public long count() {
        return organisations.count();
    }
}
