package org.civicgraph.partners.resolution;

import org.civicgraph.partners.group.PartnerGroup;
import org.civicgraph.partners.name.NameText;
import org.civicgraph.partners.name.SearchKeys;
import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.partners.organisation.Unit;
import org.civicgraph.partners.partner.PartnerKind;
import org.civicgraph.partners.partner.PartnerRef;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the organisations, units and partner groups a written name may mean, through the indexed search keys only:
 * the whole name or its initials, or every word of it; failing that, every word but one (a word added or
 * misspelt). Merged records have no keys, so only survivors are found; closed organisations are found, as documents
 * name bodies that have since closed.
 */
@Component
class CandidateFinder {

    private static final int MOST_PER_QUERY = 50;
    private static final int MOST_WORDS_TO_DROP_ONE_OF = 6;

    private final MongoTemplate mongo;

    CandidateFinder(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<Named> find(String written) {
        List<Criteria> lookups = lookups(written, Organisation.SEARCH_KEYS);
        if (lookups.isEmpty()) {
            return List.of();
        }
        Map<PartnerRef, Named> found = new LinkedHashMap<>();
        for (Criteria lookup : lookups) {
            organisations(lookup).forEach(named -> found.putIfAbsent(named.partner(), named));
            groups(lookup).forEach(named -> found.putIfAbsent(named.partner(), named));
            if (!found.isEmpty()) {
                break;
            }
        }
        for (Criteria lookup : lookups(written, Organisation.UNIT_SEARCH_KEYS)) {
            List<Named> units = units(lookup);
            units.forEach(named -> found.putIfAbsent(named.partner(), named));
            if (!units.isEmpty()) {
                break;
            }
        }
        return List.copyOf(found.values());
    }

    /** The whole name or every word first; every word but one only when that finds nothing. */
    private static List<Criteria> lookups(String written, String field) {
        String compact = NameText.compact(written);
        List<String> tokens = NameText.tokens(written);
        if (compact.isEmpty()) {
            return List.of();
        }
        List<String> exact = new ArrayList<>(List.of(SearchKeys.name(compact)));
        if (tokens.size() == 1) {
            exact.add(SearchKeys.initials(compact));
        }
        List<Criteria> lookups = new ArrayList<>();
        lookups.add(new Criteria().orOperator(Criteria.where(field).in(exact),
                Criteria.where(field).all(tokens.stream().map(SearchKeys::word).toList())));
        if (tokens.size() >= 2 && tokens.size() <= MOST_WORDS_TO_DROP_ONE_OF) {
            List<Criteria> allButOne = new ArrayList<>();
            for (int dropped = 0; dropped < tokens.size(); dropped++) {
                List<String> rest = new ArrayList<>(tokens);
                rest.remove(dropped);
                allButOne.add(Criteria.where(field).all(rest.stream().map(SearchKeys::word).toList()));
            }
            lookups.add(new Criteria().orOperator(allButOne));
        }
        return lookups;
    }

    private List<Named> organisations(Criteria lookup) {
        return mongo.find(Query.query(lookup).limit(MOST_PER_QUERY), Organisation.class).stream()
                .filter(organisation -> !organisation.isMerged())
                .map(organisation -> new Named(new PartnerRef(PartnerKind.ORGANISATION, organisation.getId()),
                        organisation.getAllNames(), organisation.getAreasServed()))
                .toList();
    }

    private List<Named> groups(Criteria lookup) {
        return mongo.find(Query.query(lookup).limit(MOST_PER_QUERY), PartnerGroup.class).stream()
                .map(group -> new Named(new PartnerRef(PartnerKind.PARTNER_GROUP, group.getId()), group.getAllNames(), group.getAreasServed()))
                .toList();
    }

    /** Every unit of the organisations whose units match; scoring tells the units apart. */
    private List<Named> units(Criteria lookup) {
        List<Named> units = new ArrayList<>();
        for (Organisation organisation : mongo.find(Query.query(lookup).limit(MOST_PER_QUERY), Organisation.class)) {
            for (Unit unit : organisation.getUnits()) {
                units.add(new Named(new PartnerRef(PartnerKind.UNIT, unit.id()), unit.namesWithin(organisation.getAllNames()),
                        organisation.getAreasServed()));
            }
        }
        return units;
    }
}
