package org.civicgraph.contracts.contract;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A lookup collection that finds the contracts of a provider, and those with a review, a period end or a rating due
 * in a month, by primary key: {@value #COLLECTION}, one document per key with its entries, such as
 * {@code {_id: "provider:lincolnshire-partnership-nhs-ft", e: ["children-are-safe-and-healthy|000000005|camhs"]}} or
 * {@code {_id: "end:2019-03", e: ["2019-03-31|camhs|lincolnshire-cc|o"]}}. An entry carries what orders and filters the
 * contract without loading it (register order; the day, the owner, whether an extension option is left).
 * <p>
 * Why: the decisions calendar and the contracts of a provider read a page of contracts. On MongoDB the indexes of
 * {@link Contract} serve those queries; the embedded server of the local stack ignores secondary indexes and scans
 * the whole collection for each, which grows with the number of contracts. Reads of this collection and then of the
 * page's contracts by {@code _id} are primary-key lookups on every server: two commands, and work that grows with the
 * page and the month's entries, not with all contracts.
 * <p>
 * It is never trusted on its own. Entries are added before the contract that has them is written (on every save
 * through the mapping layer, {@link BeforeSaveEvent}) and never removed, so the collection holds at least every
 * contract's current entries whatever fails between the two writes and without transactions. Readers check every
 * contract they load against the entry that led to it; an entry a change left behind costs a look, never a wrong
 * answer. The marker {@value #COMPLETE} says every contract's entries are recorded; readers ask for it in the same
 * read, and without it they use the indexed queries and the lookup is rebuilt from the contracts in the background.
 * Contracts written around the service (a restore, generated data) must be followed by deleting the marker.
 */
@Component
class ContractLookup extends AbstractMongoEventListener<Contract> {

    static final String COLLECTION = "contract_lookup";
    static final String COMPLETE = "#complete";
    static final String ENTRIES = "e";
    private static final Logger log = LoggerFactory.getLogger(ContractLookup.class);

    private final MongoTemplate mongo;
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    ContractLookup(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String providerKey(String organisationId) {
        return "provider:" + organisationId;
    }

    static String monthKey(String field, YearMonth month) {
        return field + ":" + month;
    }

    /** The contract's entries as things stand, by key. */
    static Map<String, String> entries(Contract contract) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String organisation : contract.getProviderOrganisationIds() == null ? List.<String>of() : contract.getProviderOrganisationIds()) {
            entries.put(providerKey(organisation), contract.getStrategyId() + "|" + String.format("%09d", contract.getPosition())
                    + "|" + contract.getId());
        }
        String owner = contract.getOwnerOrganisation();
        if (contract.getReview() != null && contract.getReview().dueDate() != null) {
            LocalDate due = contract.getReview().dueDate();
            entries.put(monthKey("review", YearMonth.from(due)), due + "|" + contract.getId() + "|" + owner);
        }
        LocalDate end = contract.getTerm() == null ? null : contract.getTerm().endDate();
        if (end != null) {
            entries.put(monthKey("end", YearMonth.from(end)), end + "|" + contract.getId() + "|" + owner + "|"
                    + (contract.getTerm().nextAvailableOption() != null ? "o" : "-"));
        }
        if (contract.getRatingDueDate() != null) {
            LocalDate due = contract.getRatingDueDate();
            entries.put(monthKey("rating", YearMonth.from(due)), due + "|" + contract.getId() + "|" + owner);
        }
        return entries;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<Contract> event) {
        Map<String, Set<String>> byKey = new HashMap<>();
        entries(event.getSource()).forEach((key, entry) -> byKey.put(key, Set.of(entry)));
        add(byKey);
    }

    /**
     * The entries of the given keys, in one read; null while the lookup may be incomplete, when the caller must use the
     * indexed query instead (and a rebuild is started).
     */
    Map<String, List<String>> read(Collection<String> keys) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(keys));
        ids.add(COMPLETE);
        Map<String, List<String>> found = new HashMap<>();
        boolean complete = false;
        for (Document document : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)) {
            String key = document.getString("_id");
            if (COMPLETE.equals(key)) {
                complete = true;
            } else {
                found.put(key, document.getList(ENTRIES, String.class, List.of()));
            }
        }
        if (!complete) {
            rebuildInBackground();
            return null;
        }
        return found;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfIncomplete() {
        if (mongo.findById(COMPLETE, Document.class, COLLECTION) == null) {
            rebuildInBackground();
        }
    }

    private void rebuildInBackground() {
        if (rebuilding.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> {
                try {
                    rebuild();
                } catch (RuntimeException e) {
                    log.warn("Rebuilding the contract lookup failed; the indexed queries answer meanwhile and the next read retries", e);
                } finally {
                    rebuilding.set(false);
                }
            }, "contract-lookup-rebuild");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Adds every stored contract's entries, then marks the lookup complete. Writes meanwhile add their own entries. */
    void rebuild() {
        long started = System.nanoTime();
        Map<String, Set<String>> byKey = new HashMap<>();
        int contracts = 0;
        // In batches: one reply holding every contract could pass the wire protocol's limit on a message's size.
        try (Stream<Contract> all = mongo.stream(new Query().cursorBatchSize(500), Contract.class)) {
            for (Contract contract : (Iterable<Contract>) all::iterator) {
                entries(contract).forEach((key, entry) -> byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(entry));
                contracts++;
            }
        }
        add(byKey);
        mongo.upsert(Query.query(Criteria.where("_id").is(COMPLETE)), new Update().set("builtAt", Instant.now()).set("contracts", contracts),
                COLLECTION);
        log.info("Contract lookup rebuilt from {} contracts ({} keys) in {} ms", contracts, byKey.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void add(Map<String, Set<String>> byKey) {
        if (byKey.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        int pending = 0;
        for (Map.Entry<String, Set<String>> key : byKey.entrySet()) {
            bulk.upsert(Query.query(Criteria.where("_id").is(key.getKey())), new Update().addToSet(ENTRIES).each(key.getValue().toArray()));
            if (++pending == 500) {
                bulk.execute();
                bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
                pending = 0;
            }
        }
        if (pending > 0) {
            bulk.execute();
        }
    }
}
