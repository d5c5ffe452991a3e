package org.civicgraph.partners.organisation;

import org.civicgraph.partners.organisation.OrganisationInputs.AddUnitInput;
import org.civicgraph.partners.organisation.OrganisationInputs.CloseOrganisationInput;
import org.civicgraph.partners.organisation.OrganisationInputs.CreateOrganisationInput;
import org.civicgraph.partners.organisation.OrganisationInputs.UpdateOrganisationInput;
import org.civicgraph.partners.name.NameKeyIndex;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Registers organisations and applies changes to them under the ownership rules of {@link OrganisationAccess}. */
@Service
public class OrganisationChanges {

    static final String DEMO_DATA = "demo-data";

    private final Organisations organisations;
    private final OrganisationDirectory directory;
    private final OrganisationAccess access;
    private final MongoTemplate mongo;
    private final NameKeyIndex nameKeys;

    OrganisationChanges(Organisations organisations, OrganisationDirectory directory, OrganisationAccess access, MongoTemplate mongo,
                        NameKeyIndex nameKeys) {
        this.organisations = organisations;
        this.directory = directory;
        this.access = access;
        this.mongo = mongo;
        this.nameKeys = nameKeys;
    }

    Organisation create(CreateOrganisationInput input) {
        access.requirePlatformAdmin();
        OrganisationRules.requireSlug("id", input.id());
        OrganisationRules.check(input.details());
        requireIdentifiersFree(input.id(), input.details().identifiers());
        return insert(Organisation.register(input.id(), input.details(), List.of()));
    }

    /**
     * Imports a demo record in one write: the organisation, its units and, for a body that has closed, its closure
     * (each a separate write would race the outbox relay publishing the previous one's event).
     */
    Organisation importRecord(String id, OrganisationDetails details, List<NewUnit> units, LocalDate closedOn, String closedReason) {
        OrganisationRules.check(details);
        units.forEach(unit -> OrganisationRules.requireSlug("units", unit.slug()));
        Organisation organisation = Organisation.register(id, details, units);
        if (closedOn != null) {
            organisation.close(closedOn, closedReason, DEMO_DATA);
        }
        return insert(organisation);
    }

    Organisation update(UpdateOrganisationInput input) {
        Caller caller = access.requireCanChange(input.id());
        OrganisationDetails details = input.details();
        OrganisationRules.check(details);
        if (details.identifiers() != null) {
            requireIdentifiersFree(input.id(), details.identifiers());
        }
        return ConflictRetry.run(() -> {
            Organisation organisation = load("id", input.id());
            HeldKeys before = HeldKeys.of(organisation);
            return organisation.edit(details, caller.subject()) ? save(organisation, before) : organisation;
        });
    }

    Organisation close(CloseOrganisationInput input) {
        Caller caller = access.requireCanChange(input.id());
        return close(input.id(), IsoDate.parse("closedOn", input.closedOn()), input.reason(), caller.subject());
    }

    private Organisation close(String id, LocalDate closedOn, String reason, String changedBy) {
        return ConflictRetry.run(() -> {
            Organisation organisation = load("id", id);
            if (organisation.getStatus() == OrganisationStatus.CLOSED) {
                throw new InvalidInputException("id", id + " was closed on " + organisation.getClosedOn());
            }
            if (organisation.getOpenedOn() != null && closedOn.isBefore(organisation.getOpenedOn())) {
                throw new InvalidInputException("closedOn", "closedOn must not be before the organisation opened on " + organisation.getOpenedOn());
            }
            organisation.close(closedOn, reason, changedBy);
            return organisations.save(organisation);
        });
    }

    Unit addUnit(AddUnitInput input) {
        Caller caller = access.requireCanChange(input.organisationId());
        return addUnit(input.organisationId(), input.slug(), input.name(), input.otherNames(), caller.subject());
    }

    private Unit addUnit(String organisationId, String slug, String name, List<String> otherNames, String changedBy) {
        OrganisationRules.requireSlug("slug", slug);
        OrganisationRules.requireName("name", name);
        OrganisationRules.orEmpty(otherNames).forEach(other -> OrganisationRules.requireName("otherNames", other));
        return ConflictRetry.run(() -> {
            Organisation organisation = load("organisationId", organisationId);
            if (organisation.findUnit(Unit.idOf(organisationId, slug)).isPresent()) {
                throw new InvalidInputException("slug", organisationId + " already has a unit " + slug);
            }
            HeldKeys before = HeldKeys.of(organisation);
            Unit unit = organisation.addUnit(slug, name, OrganisationRules.orEmpty(otherNames), changedBy);
            save(organisation, before);
            return unit;
        });
    }

    /**
     * Records a relationship on the organisation it is stated for; the caller must be allowed to change that
     * organisation. Only the stored kinds (PART_OF, MEMBER_OF, SUCCEEDED_BY, PROVIDES_TO) are accepted.
     */
    public Relationship addRelationship(String organisationId, RelationshipKind kind, String otherId, String unitId,
                                        LocalDate since, LocalDate until, String description) {
        Caller caller = access.requireCanChange(organisationId);
        return relate(organisationId, kind, otherId, unitId, since, until, description, caller.subject());
    }

    /** As {@link #addRelationship}, without an ownership check, for the demo data import. */
    public Relationship importRelationship(String organisationId, RelationshipKind kind, String otherId, String unitId,
                                           LocalDate since, LocalDate until, String description) {
        return relate(organisationId, kind, otherId, unitId, since, until, description, DEMO_DATA);
    }

    private Relationship relate(String organisationId, RelationshipKind kind, String otherId, String unitId,
                                LocalDate since, LocalDate until, String description, String changedBy) {
        if (!kind.isStored()) {
            throw new InvalidInputException("kind", kind + " is stated from the other side: add " + kind.inverse()
                    + " to " + otherId + " instead");
        }
        if (since != null && until != null && until.isBefore(since)) {
            throw new InvalidInputException("until", "until must not be before since");
        }
        Organisation other = directory.find(otherId)
                .orElseThrow(() -> new NotFoundException("otherOrganisationId", "No organisation has the id " + otherId));
        if (other.getId().equals(organisationId)) {
            throw new InvalidInputException("otherOrganisationId", "an organisation cannot be related to itself");
        }
        return ConflictRetry.run(() -> {
            Organisation organisation = load("organisationId", organisationId);
            if (unitId != null && organisation.findUnit(unitId).isEmpty()) {
                throw new NotFoundException("unitId", organisationId + " has no unit " + unitId);
            }
            Relationship relationship = new Relationship(UUID.randomUUID().toString(), kind, other.getId(), unitId, since, until,
                    description);
            organisation.addRelationship(relationship, changedBy);
            organisations.save(organisation);
            return relationship;
        });
    }

    /**
     * Ends a relationship: {@code until} is the last day it held. The caller must be allowed to change the
     * organisation that states it; the relationship stays listed, with its end date. Returns that organisation.
     */
    public Organisation endRelationship(String relationshipId, LocalDate until, String reason) {
        if (until == null) {
            throw new InvalidInputException("until", "until is required: the last day the relationship held");
        }
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason", "reason must be at most 500 characters");
        }
        Organisation stating = mongo.findOne(Query.query(Criteria.where("relationships.id").is(relationshipId).and("mergedInto").is(null)),
                Organisation.class);
        if (stating == null) {
            throw new NotFoundException("relationshipId", "No relationship has the id " + relationshipId);
        }
        Caller caller = access.requireCanChange(stating.getId());
        return ConflictRetry.run(() -> {
            Organisation organisation = load("relationshipId", stating.getId());
            Relationship relationship = organisation.findRelationship(relationshipId)
                    .orElseThrow(() -> new NotFoundException("relationshipId", "No relationship has the id " + relationshipId));
            if (relationship.until() != null) {
                throw new InvalidInputException("until", "the relationship already ends on " + relationship.until());
            }
            if (relationship.since() != null && until.isBefore(relationship.since())) {
                throw new InvalidInputException("until", "until must not be before the relationship began on " + relationship.since());
            }
            organisation.endRelationship(relationshipId, until, reason, caller.subject());
            return organisations.save(organisation);
        });
    }

    /** Inserts a new organisation, its search keys recorded in the name-key index first. */
    private Organisation insert(Organisation organisation) {
        nameKeys.add(organisation.getId(), organisation.getSearchKeys(), organisation.unitSearchKeys());
        return organisations.insert(organisation);
    }

    /**
     * Saves a changed organisation, first recording in the name-key index every search key it gained since it was
     * loaded: the index may hold keys a record no longer carries, never miss one it does ({@link NameKeyIndex}).
     */
    Organisation save(Organisation organisation, HeldKeys before) {
        Set<String> gained = new HashSet<>(organisation.getSearchKeys());
        gained.removeAll(before.own());
        Set<String> gainedByUnits = new HashSet<>(organisation.unitSearchKeys());
        gainedByUnits.removeAll(before.units());
        nameKeys.add(organisation.getId(), gained, gainedByUnits);
        return organisations.save(organisation);
    }

    /** The search keys an organisation carried when it was loaded, on its own names and on its units'. */
    record HeldKeys(Set<String> own, Set<String> units) {

        static HeldKeys of(Organisation organisation) {
            return new HeldKeys(Set.copyOf(organisation.getSearchKeys()), Set.copyOf(organisation.unitSearchKeys()));
        }
    }

    /** The record itself, not followed through a merge: a merged record cannot be changed. */
    Organisation load(String field, String id) {
        Organisation organisation = organisations.findById(id)
                .orElseThrow(() -> new NotFoundException(field, "No organisation has the id " + id));
        if (organisation.isMerged()) {
            throw new InvalidInputException(field, id + " was merged into " + organisation.getMergedInto() + "; change that record instead");
        }
        return organisation;
    }

    private void requireIdentifiersFree(String id, List<Identifier> identifiers) {
        for (Identifier identifier : identifiers) {
            Query query = Query.query(Criteria.where("identifiers").elemMatch(Criteria.where("scheme").is(identifier.scheme())
                    .and("value").is(identifier.value())).and("_id").ne(id).and("mergedInto").is(null));
            Organisation holder = mongo.findOne(query, Organisation.class);
            if (holder != null) {
                throw new InvalidInputException("identifiers", identifier.register() + " " + identifier.value()
                        + " already identifies " + holder.getId() + "; merge the two records instead");
            }
        }
    }
}
