package org.civicgraph.partners.search;

import org.civicgraph.partners.name.KeyQuery;
import org.civicgraph.partners.name.NameKeyIndex;
import org.civicgraph.partners.name.SearchKeys;
import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.partners.organisation.OrganisationStatus;
import org.civicgraph.partners.organisation.OrganisationType;
import org.civicgraph.partners.organisation.RelationshipKind;
import org.civicgraph.partners.partnership.PartnershipDirectory;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Searches the directory by name, type, area served, lever area and role. The name part is answered from the
 * {@link SearchKeys}: every word typed must begin a word of one of the organisation's names, so
 * "LINCOLNSHIRE county", "Lincs County Council" and "linc coun" all find Lincolnshire County Council, and a single
 * word may also be the initials of a name ("LCHS") or a recorded abbreviation ("LPFT").
 * <p>
 * A search with a name first takes its candidates from the {@link NameKeyIndex} and loads them by id, then applies
 * every condition to them here; when the name is too common for that ({@value #MOST_CANDIDATES} candidates or more),
 * or the index is not complete yet, it runs the same conditions as one query on the indexed {@code searchKeys}
 * array. Each condition is therefore written twice, as a criterion and as a test, next to each other below; a test
 * checks that both ways give the same answers.
 */
@Service
class OrganisationSearch {

    static final int MOST_CANDIDATES = 2_000;

    private final MongoTemplate mongo;
    private final PartnershipDirectory partnerships;
    private final NameKeyIndex nameKeys;

    OrganisationSearch(MongoTemplate mongo, PartnershipDirectory partnerships, NameKeyIndex nameKeys) {
        this.mongo = mongo;
        this.partnerships = partnerships;
        this.nameKeys = nameKeys;
    }

    Window<Organisation> search(OrganisationFilter filter, ScrollPosition position, int size) {
        return byNameKeys(filter, position, size).orElseGet(() -> byQuery(filter, position, size));
    }

    /** The search as one MongoDB query (the name part on the multikey {@code searchKeys} index). */
    Window<Organisation> byQuery(OrganisationFilter filter, ScrollPosition position, int size) {
        List<Criteria> criteria = conditions(filter).stream().map(Condition::criteria).toList();
        Query query = Query.query(new Criteria().andOperator(criteria)).with(Sort.by(Organisation.SORT_NAME, "_id")).limit(size);
        return mongo.scroll(query.with(position), Organisation.class);
    }

    /**
     * The search over the candidates the name-key index gives, loaded by id; empty when there is no name, the index
     * is not complete, the name is too common, or the position is not an offset.
     */
    Optional<Window<Organisation>> byNameKeys(OrganisationFilter filter, ScrollPosition position, int size) {
        if (!hasName(filter) || !(position instanceof OffsetScrollPosition offset)) {
            return Optional.empty();
        }
        KeyQuery name = SearchKeys.search(filter.nameContains());
        Optional<Set<String>> candidates = nameKeys.read(name.keys()).map(hits -> hits.organisations(name));
        if (candidates.isEmpty() || candidates.get().size() >= MOST_CANDIDATES) {
            return Optional.empty();
        }
        List<Condition> conditions = conditions(filter);
        List<Organisation> matching = candidates.get().isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("_id").in(candidates.get())), Organisation.class).stream()
                .filter(organisation -> conditions.stream().allMatch(condition -> condition.test().test(organisation)))
                .sorted(Comparator.comparing(Organisation::getNormalisedName, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Organisation::getId))
                .toList();
        // as MongoTemplate.scroll pages by offset: an offset position means "after that many"
        long start = offset.isInitial() ? 0 : offset.getOffset() + 1;
        List<Organisation> page = matching.stream().skip(start).limit(size).toList();
        return Optional.of(Window.from(page, OffsetScrollPosition.positionFunction(start), matching.size() > start + size));
    }

    /** One condition of a search, as a MongoDB criterion and as the same test of a loaded organisation. */
    record Condition(Criteria criteria, Predicate<Organisation> test) {
    }

    private List<Condition> conditions(OrganisationFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(new Condition(Criteria.where("mergedInto").is(null), organisation -> !organisation.isMerged()));
        if (hasName(filter)) {
            KeyQuery name = SearchKeys.search(filter.nameContains());
            conditions.add(new Condition(name.criteria(Organisation.SEARCH_KEYS), organisation -> name.matches(organisation.getSearchKeys())));
        }
        if (filter.type() != null) {
            List<OrganisationType> types = filter.type().current();
            conditions.add(new Condition(Criteria.where("type").in(types), organisation -> types.contains(organisation.getType())));
        }
        if (filter.areaServed() != null) {
            String area = filter.areaServed();
            conditions.add(new Condition(Criteria.where("areasServed").is(area), organisation -> organisation.getAreasServed().contains(area)));
        }
        if (filter.status() != null) {
            OrganisationStatus status = filter.status();
            conditions.add(new Condition(Criteria.where("status").is(status), organisation -> organisation.getStatus() == status));
        }
        conditions.addAll(partnerConditions(filter));
        return conditions;
    }

    private static boolean hasName(OrganisationFilter filter) {
        return filter.nameContains() != null && !filter.nameContains().isBlank();
    }

    /**
     * Lever area and the partnership roles come from the partnerships; PROVIDER and COMMISSIONER also from
     * provider relationships, on the provider's record and pointing at the commissioner.
     */
    private List<Condition> partnerConditions(OrganisationFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        if (filter.leverArea() != null) {
            conditions.add(idIn(partnerships.organisationIdsTakingPart(filter.leverArea(), filter.role())));
        }
        if (filter.role() != null && filter.leverArea() == null) {
            Condition inPartnerships = idIn(partnerships.organisationIdsTakingPart(null, filter.role()));
            Condition byRelationship = switch (filter.role()) {
                case PROVIDER -> new Condition(Criteria.where("relationships.kind").is(RelationshipKind.PROVIDES_TO),
                        organisation -> organisation.getRelationships().stream().anyMatch(relationship -> relationship.kind() == RelationshipKind.PROVIDES_TO));
                case COMMISSIONER -> idIn(commissionerIds());
                default -> null;
            };
            conditions.add(byRelationship == null ? inPartnerships
                    : new Condition(new Criteria().orOperator(inPartnerships.criteria(), byRelationship.criteria()),
                    inPartnerships.test().or(byRelationship.test())));
        }
        return conditions;
    }

    /** The organisations with these ids, or into which records with these ids were merged. */
    private static Condition idIn(Set<String> ids) {
        return new Condition(new Criteria().orOperator(Criteria.where("_id").in(ids), Criteria.where("mergedIds").in(ids)),
                organisation -> ids.contains(organisation.getId()) || organisation.getMergedIds().stream().anyMatch(ids::contains));
    }

    private Set<String> commissionerIds() {
        Query providers = Query.query(Criteria.where("relationships.kind").is(RelationshipKind.PROVIDES_TO));
        providers.fields().include("relationships");
        Set<String> ids = new HashSet<>();
        mongo.find(providers, Organisation.class).forEach(provider -> provider.getRelationships().stream()
                .filter(relationship -> relationship.kind() == RelationshipKind.PROVIDES_TO)
                .forEach(relationship -> ids.add(relationship.otherId())));
        return ids;
    }
}
