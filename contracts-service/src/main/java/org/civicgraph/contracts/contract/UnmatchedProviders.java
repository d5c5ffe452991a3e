package org.civicgraph.contracts.contract;

import org.civicgraph.platform.directory.DirectoryNameFollower;
import org.civicgraph.platform.events.ConflictRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When the partner directory gains a name (a rename, another name added), the contracts whose provider is still
 * unmatched ({@link ProviderResolution#UNRESOLVED}) have their names as written resolved again by the directory, for the
 * areas each contract serves, a few calls for all of them. A confident resolution to one organisation matches the
 * provider, a change with its own event ({@code contract.provider-matched}); anything less leaves it flagged.
 * Contracts partly resolved by hand are left alone.
 */
@Service
class UnmatchedProviders implements DirectoryNameFollower {

    private static final Logger log = LoggerFactory.getLogger(UnmatchedProviders.class);

    private final MongoTemplate mongo;
    private final Contracts contracts;
    private final DirectoryNameResolution directory;

    UnmatchedProviders(MongoTemplate mongo, Contracts contracts, DirectoryNameResolution directory) {
        this.mongo = mongo;
        this.contracts = contracts;
        this.directory = directory;
    }

    /**
     * If the directory cannot be asked, the providers stay unmatched and this is logged: the next name the directory
     * gains tries them all again, and the event that prompted this one is not held up.
     */
    @Override
    public void directoryGainedName(String organisationId, String changedBy, Map<String, Object> because) {
        Query unmatched = new Query(Criteria.where("providerResolution").is(ProviderResolution.UNRESOLVED));
        unmatched.fields().include("_id", "providerName", "areas");
        Map<List<String>, Map<String, List<String>>> namesByAreas = new LinkedHashMap<>();
        for (Contract contract : mongo.find(unmatched, Contract.class)) {
            List<String> areas = contract.getAreas() == null ? List.of() : contract.getAreas().stream().sorted().toList();
            namesByAreas.computeIfAbsent(areas, key -> new LinkedHashMap<>())
                    .computeIfAbsent(contract.getProvider(), key -> new ArrayList<>()).add(contract.getId());
        }
        int matched = 0;
        try {
            for (Map.Entry<List<String>, Map<String, List<String>>> group : namesByAreas.entrySet()) {
                Map<String, DirectoryNameResolution.ConfidentMatch> matches =
                        directory.confidentMatches(List.copyOf(group.getValue().keySet()), group.getKey());
                for (Map.Entry<String, DirectoryNameResolution.ConfidentMatch> match : matches.entrySet()) {
                    for (String contractId : group.getValue().get(match.getKey())) {
                        matched += match(contractId, match.getValue(), changedBy, because);
                    }
                }
            }
        } catch (RestClientException | IllegalStateException directoryUnavailable) {
            log.warn("Could not ask the partner directory to resolve unmatched providers after {} gained a name (event {}); "
                    + "they stay flagged until the directory next gains a name: {}", organisationId, because.get("event"),
                    directoryUnavailable.getMessage());
        }
        if (matched > 0) {
            log.info("{} gained a name (event {}): {} unmatched providers matched", organisationId, because.get("event"), matched);
        }
    }

    private int match(String contractId, DirectoryNameResolution.ConfidentMatch match, String changedBy, Map<String, Object> because) {
        return ConflictRetry.run(() -> {
            Contract contract = contracts.findById(contractId).orElse(null);
            if (contract == null || !contract.matchProvider(match.organisationId(), match.match(), changedBy, because)) {
                return 0;
            }
            contracts.save(contract);
            return 1;
        });
    }
}
