package org.civicgraph.partners.resolution;

import org.civicgraph.partners.group.PartnerGroup;
import org.civicgraph.partners.name.KeyQuery;
import org.civicgraph.partners.name.NameKeyIndex;
import org.civicgraph.partners.name.NameText;
import org.civicgraph.partners.name.SearchKeys;
import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.partners.organisation.Unit;
import org.civicgraph.partners.partner.PartnerKind;
import org.civicgraph.partners.partner.PartnerRef;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the organisations, units and partner groups a written name may mean, through the search keys only: the
 * whole name or its initials, or every word of it; failing that, every word but one (a word added or misspelt).
 * Merged records have no keys, so only survivors are found; closed organisations are found, as documents name
 * bodies that have since closed.
 * <p>
 * Organisations and units are looked up in the {@link NameKeyIndex} and loaded by id, each checked against its own
 * stored keys; while that index is not complete, the same lookups run as queries on the indexed key arrays. Partner
 * groups, a few dozen records, are queried directly, for all lookups at once.
 */
@Component
class CandidateFinder {

    static final int MOST_PER_QUERY = 50;
    private static final int MOST_WORDS_TO_DROP_ONE_OF = 6;

    private final MongoTemplate mongo;
    private final NameKeyIndex nameKeys;

    CandidateFinder(MongoTemplate mongo, NameKeyIndex nameKeys) {
        this.mongo = mongo;
        this.nameKeys = nameKeys;
    }

    List<Named> find(String written) {
        List<KeyQuery> lookups = lookups(written);
        if (lookups.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        lookups.forEach(lookup -> keys.addAll(lookup.keys()));
        Source source = nameKeys.read(keys).<Source>map(hits -> new IndexedSource(hits)).orElseGet(QuerySource::new);
        List<PartnerGroup> groups = groups(lookups);
        Map<PartnerRef, Named> found = new LinkedHashMap<>();
        for (KeyQuery lookup : lookups) {
            source.organisations(lookup).forEach(named -> found.putIfAbsent(named.partner(), named));
            groups.stream().filter(group -> lookup.matches(group.getSearchKeys())).limit(MOST_PER_QUERY)
                    .forEach(group -> found.putIfAbsent(new PartnerRef(PartnerKind.PARTNER_GROUP, group.getId()),
                            new Named(new PartnerRef(PartnerKind.PARTNER_GROUP, group.getId()), group.getAllNames(), group.getAreasServed())));
            if (!found.isEmpty()) {
                break;
            }
        }
        for (KeyQuery lookup : lookups) {
            List<Named> units = source.units(lookup);
            units.forEach(named -> found.putIfAbsent(named.partner(), named));
            if (!units.isEmpty()) {
                break;
            }
        }
        return List.copyOf(found.values());
    }

    /** The whole name, its initials (for one word) or every word first; every word but one only when that finds nothing. */
    static List<KeyQuery> lookups(String written) {
        String compact = NameText.compact(written);
        List<String> tokens = NameText.tokens(written);
        if (compact.isEmpty()) {
            return List.of();
        }
        List<String> exact = new ArrayList<>(List.of(SearchKeys.name(compact)));
        if (tokens.size() == 1) {
            exact.add(SearchKeys.initials(compact));
        }
        List<KeyQuery> lookups = new ArrayList<>();
        lookups.add(KeyQuery.anyOf(exact).or(KeyQuery.allOf(words(tokens))));
        if (tokens.size() >= 2 && tokens.size() <= MOST_WORDS_TO_DROP_ONE_OF) {
            KeyQuery allButOne = new KeyQuery(List.of());
            for (int dropped = 0; dropped < tokens.size(); dropped++) {
                List<String> rest = new ArrayList<>(tokens);
                rest.remove(dropped);
                allButOne = allButOne.or(KeyQuery.allOf(words(rest)));
            }
            lookups.add(allButOne);
        }
        return lookups;
    }

    private static List<String> words(List<String> tokens) {
        return tokens.stream().map(SearchKeys::word).toList();
    }

    /** The partner groups any of the lookups may find, in one query: there are a few dozen groups, not thousands. */
    private List<PartnerGroup> groups(List<KeyQuery> lookups) {
        KeyQuery any = lookups.stream().reduce(new KeyQuery(List.of()), KeyQuery::or);
        return mongo.find(Query.query(any.criteria(PartnerGroup.SEARCH_KEYS)).with(Sort.by("_id")), PartnerGroup.class);
    }

    private static Named named(Organisation organisation) {
        return new Named(new PartnerRef(PartnerKind.ORGANISATION, organisation.getId()), organisation.getAllNames(),
                organisation.getAreasServed());
    }

    /** Every unit of the organisations whose units match; scoring tells the units apart. */
    private static List<Named> unitsOf(List<Organisation> organisations) {
        List<Named> units = new ArrayList<>();
        for (Organisation organisation : organisations) {
            for (Unit unit : organisation.getUnits()) {
                units.add(new Named(new PartnerRef(PartnerKind.UNIT, unit.id()), unit.namesWithin(organisation.getAllNames()),
                        organisation.getAreasServed()));
            }
        }
        return units;
    }

    /** Where organisations and units matching a lookup come from: at most {@value #MOST_PER_QUERY} organisations each time. */
    private interface Source {

        List<Named> organisations(KeyQuery lookup);

        List<Named> units(KeyQuery lookup);
    }

    /** Queries on the indexed key arrays of the organisations. */
    private final class QuerySource implements Source {

        @Override
        public List<Named> organisations(KeyQuery lookup) {
            return mongo.find(Query.query(lookup.criteria(Organisation.SEARCH_KEYS)).limit(MOST_PER_QUERY), Organisation.class).stream()
                    .filter(organisation -> !organisation.isMerged())
                    .map(CandidateFinder::named)
                    .toList();
        }

        @Override
        public List<Named> units(KeyQuery lookup) {
            return unitsOf(mongo.find(Query.query(lookup.criteria(Organisation.UNIT_SEARCH_KEYS)).limit(MOST_PER_QUERY), Organisation.class));
        }
    }

    /**
     * Candidates from the name-key index, loaded by id in id order and kept when their own stored keys match, until
     * {@value #MOST_PER_QUERY} are found; each organisation is loaded at most once per name.
     */
    private final class IndexedSource implements Source {

        private final NameKeyIndex.Hits hits;
        private final Map<String, Organisation> loaded = new HashMap<>();

        IndexedSource(NameKeyIndex.Hits hits) {
            this.hits = hits;
        }

        @Override
        public List<Named> organisations(KeyQuery lookup) {
            return load(hits.organisations(lookup), organisation -> !organisation.isMerged() && lookup.matches(organisation.getSearchKeys()))
                    .stream().map(CandidateFinder::named).toList();
        }

        @Override
        public List<Named> units(KeyQuery lookup) {
            return unitsOf(load(hits.unitOwners(lookup), organisation -> lookup.matches(organisation.unitSearchKeys())));
        }

        private List<Organisation> load(Set<String> candidates, Predicate<Organisation> matches) {
            List<String> ids = candidates.stream().sorted().toList();
            List<Organisation> found = new ArrayList<>();
            for (int from = 0; from < ids.size() && found.size() < MOST_PER_QUERY; from += MOST_PER_QUERY) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MOST_PER_QUERY));
                List<String> missing = chunk.stream().filter(id -> !loaded.containsKey(id)).toList();
                if (!missing.isEmpty()) {
                    mongo.find(Query.query(Criteria.where("_id").in(missing)), Organisation.class)
                            .forEach(organisation -> loaded.put(organisation.getId(), organisation));
                }
                chunk.stream().map(loaded::get).filter(organisation -> organisation != null && matches.test(organisation))
                        .limit(MOST_PER_QUERY - found.size()).forEach(found::add);
            }
            return found;
        }
    }
}
