package org.civicgraph.partners.search;

import org.civicgraph.partners.name.NameText;
import org.civicgraph.partners.name.SearchKeys;
import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.partners.organisation.RelationshipKind;
import org.civicgraph.partners.partnership.PartnershipDirectory;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Searches the directory by name, type, area served, lever area and role. The name part is answered from the
 * indexed {@link SearchKeys}: every word typed must begin a word of one of the organisation's names, so
 * "LINCOLNSHIRE county", "Lincs County Council" and "linc coun" all find Lincolnshire County Council, and a single
 * word may also be the initials of a name ("LCHS") or a recorded abbreviation ("LPFT").
 */
@Service
class OrganisationSearch {

    private final MongoTemplate mongo;
    private final PartnershipDirectory partnerships;

    OrganisationSearch(MongoTemplate mongo, PartnershipDirectory partnerships) {
        this.mongo = mongo;
        this.partnerships = partnerships;
    }

    Window<Organisation> search(OrganisationFilter filter, ScrollPosition position, int size) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("mergedInto").is(null));
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            criteria.add(nameCriteria(filter.nameContains()));
        }
        if (filter.type() != null) {
            criteria.add(Criteria.where("type").in(filter.type().current()));
        }
        if (filter.areaServed() != null) {
            criteria.add(Criteria.where("areasServed").is(filter.areaServed()));
        }
        if (filter.status() != null) {
            criteria.add(Criteria.where("status").is(filter.status()));
        }
        criteria.addAll(partnerCriteria(filter));
        Query query = Query.query(new Criteria().andOperator(criteria)).with(Sort.by(Organisation.SORT_NAME, "_id")).limit(size);
        return mongo.scroll(query.with(position), Organisation.class);
    }

    private static Criteria nameCriteria(String nameContains) {
        List<String> prefixes = NameText.tokens(nameContains).stream().filter(SearchKeys::searchable).map(SearchKeys::prefix).toList();
        String compact = NameText.compact(nameContains);
        if (prefixes.isEmpty()) {
            return Criteria.where(Organisation.SEARCH_KEYS).is(SearchKeys.name(compact));
        }
        Criteria words = Criteria.where(Organisation.SEARCH_KEYS).all(prefixes);
        return prefixes.size() == 1
                ? new Criteria().orOperator(words, Criteria.where(Organisation.SEARCH_KEYS).is(SearchKeys.initials(compact)))
                : words;
    }

    /**
     * Lever area and the partnership roles come from the partnerships; PROVIDER and COMMISSIONER also from
     * provider relationships, on the provider's record and pointing at the commissioner.
     */
    private List<Criteria> partnerCriteria(OrganisationFilter filter) {
        List<Criteria> criteria = new ArrayList<>();
        if (filter.leverArea() != null) {
            criteria.add(idIn(partnerships.organisationIdsTakingPart(filter.leverArea(), filter.role())));
        }
        if (filter.role() != null && filter.leverArea() == null) {
            Set<String> inPartnerships = partnerships.organisationIdsTakingPart(null, filter.role());
            Criteria byRelationship = switch (filter.role()) {
                case PROVIDER -> Criteria.where("relationships.kind").is(RelationshipKind.PROVIDES_TO);
                case COMMISSIONER -> idIn(commissionerIds());
                default -> null;
            };
            criteria.add(byRelationship == null ? idIn(inPartnerships) : new Criteria().orOperator(idIn(inPartnerships), byRelationship));
        }
        return criteria;
    }

    /** The organisations with these ids, or into which records with these ids were merged. */
    private static Criteria idIn(Set<String> ids) {
        return new Criteria().orOperator(Criteria.where("_id").in(ids), Criteria.where("mergedIds").in(ids));
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
