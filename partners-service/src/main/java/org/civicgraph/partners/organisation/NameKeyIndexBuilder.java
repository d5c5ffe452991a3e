package org.civicgraph.partners.organisation;

import org.bson.Document;
import org.civicgraph.partners.name.NameKeyIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds the {@link NameKeyIndex} from the stored organisations whenever it is not known to be complete (a new
 * database, a database from before the index existed, or after its marker was deleted), at start-up and before any
 * demo data is imported. Organisations written meanwhile record their own keys, so none is missed; until the
 * marker is written, searches use the indexed query on the organisations.
 */
@Component
@Order(0)
class NameKeyIndexBuilder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NameKeyIndexBuilder.class);
    private static final int BATCH = 1_000;

    private final NameKeyIndex index;
    private final MongoTemplate mongo;

    NameKeyIndexBuilder(NameKeyIndex index, MongoTemplate mongo) {
        this.index = index;
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!index.isComplete()) {
            rebuild();
        }
    }

    /** Adds every stored organisation's keys to the index, then marks it complete. Safe to repeat. */
    void rebuild() {
        Query query = new Query();
        query.fields().include(Organisation.SEARCH_KEYS).include(Organisation.UNIT_SEARCH_KEYS);
        Map<String, Set<String>> owners = new HashMap<>();
        Map<String, Set<String>> unitOwners = new HashMap<>();
        long count = 0;
        try (Stream<Document> stored = mongo.stream(query, Document.class, mongo.getCollectionName(Organisation.class))) {
            for (Document organisation : (Iterable<Document>) stored::iterator) {
                String id = organisation.getString("_id");
                organisation.getList(Organisation.SEARCH_KEYS, String.class, List.of())
                        .forEach(key -> owners.computeIfAbsent(key, k -> new HashSet<>()).add(id));
                for (Document unit : organisation.getList("units", Document.class, List.of())) {
                    unit.getList("searchKeys", String.class, List.of())
                            .forEach(key -> unitOwners.computeIfAbsent(key, k -> new HashSet<>()).add(id));
                }
                if (++count % BATCH == 0) {
                    index.addAll(owners, unitOwners);
                    owners.clear();
                    unitOwners.clear();
                }
            }
        }
        index.addAll(owners, unitOwners);
        index.markComplete();
        log.info("Name-key index built from {} organisations", count);
    }
}
