package org.civicgraph.contracts.contract;

import org.civicgraph.contracts.strategy.CommissioningStrategy;
import org.civicgraph.platform.directory.OrganisationMergeFollower;
import org.civicgraph.contracts.strategy.KeyContractProviders;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds key contracts and applies what their owners decide: registrations, ratings, option decisions and
 * amendments. Anyone may read the register; only editors and admins of the owning organisation change it.
 */
@Service
class ContractRegister implements KeyContractProviders, OrganisationMergeFollower {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Logger log = LoggerFactory.getLogger(ContractRegister.class);
    private static final Sort REGISTER_ORDER = Sort.by("strategyId", "position", "_id");

    private final Contracts contracts;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ContractLookup lookup;

    ContractRegister(Contracts contracts, MongoTemplate mongo, Clock clock, ContractLookup lookup) {
        this.contracts = contracts;
        this.mongo = mongo;
        this.clock = clock;
        this.lookup = lookup;
    }

    /** Today in the UK, by the application's clock. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    Optional<Contract> find(String id) {
        return contracts.findById(id);
    }

    List<Contract> findAll(List<String> ids) {
        return contracts.findAllById(ids);
    }

    Window<Contract> search(ContractFilter filter, ScrollPosition position, int size) {
        if (filter.providerOrganisationId() != null && position instanceof OffsetScrollPosition offset
                && filter.equals(new ContractFilter(null, null, filter.providerOrganisationId(), null, null, null, null))) {
            Window<Contract> page = ofProvider(filter.providerOrganisationId(), offset, size);
            if (page != null) {
                return page;
            }
        }
        return searchByQuery(filter, position, size);
    }

    /** The search as one indexed query, whatever the filter. */
    Window<Contract> searchByQuery(ContractFilter filter, ScrollPosition position, int size) {
        Query query = new Query().with(REGISTER_ORDER).limit(size);
        if (filter.strategyId() != null) {
            query.addCriteria(Criteria.where("strategyId").is(filter.strategyId()));
        }
        if (filter.ownerOrganisation() != null) {
            query.addCriteria(Criteria.where("ownerOrganisation").is(filter.ownerOrganisation()));
        }
        if (filter.providerOrganisationId() != null) {
            query.addCriteria(Criteria.where("providerOrganisationIds").is(filter.providerOrganisationId()));
        }
        if (filter.providerNameContains() != null && !filter.providerNameContains().isBlank()) {
            query.addCriteria(providerNameContains(filter.providerNameContains()));
        }
        if (filter.providerResolution() != null) {
            query.addCriteria(Criteria.where("providerResolution").is(filter.providerResolution()));
        }
        if (filter.termKind() != null) {
            query.addCriteria(Criteria.where("term.kind").is(filter.termKind()));
        } else if (filter.flaggedForReview() != null) {
            query.addCriteria(filter.flaggedForReview() ? Criteria.where("term.kind").is(TermKind.FLAGGED)
                    : Criteria.where("term.kind").ne(TermKind.FLAGGED));
        }
        return mongo.scroll(query.with(position), Contract.class);
    }

    /**
     * A page of a provider's contracts in register order through the {@link ContractLookup}: the provider's entries
     * (which carry the register order, fixed at registration) and the page's contracts by id, two reads. Null while
     * the lookup may be incomplete, when the indexed query answers instead.
     */
    Window<Contract> ofProvider(String organisationId, OffsetScrollPosition offset, int size) {
        Map<String, List<String>> entries = lookup.read(List.of(ContractLookup.providerKey(organisationId)));
        if (entries == null) {
            return null;
        }
        List<String[]> ordered = entries.getOrDefault(ContractLookup.providerKey(organisationId), List.of()).stream()
                .map(entry -> entry.split("\\|")).sorted(java.util.Comparator.<String[], String>comparing(entry -> entry[0])
                        .thenComparing(entry -> entry[1]).thenComparing(entry -> entry[2])).toList();
        int skip = (int) Math.min(ordered.size(), new Query().with(offset).getSkip());
        List<String> ids = ordered.subList(skip, Math.min(ordered.size(), skip + size + 1)).stream().map(entry -> entry[2]).toList();
        Map<String, Contract> loaded = new HashMap<>();
        if (!ids.isEmpty()) {
            mongo.find(new Query(Criteria.where("_id").in(ids)), Contract.class).forEach(contract -> loaded.put(contract.getId(), contract));
        }
        // An entry whose contract was never written (a failed registration) is skipped: the page is one shorter, and
        // the offsets of later pages, which count entries, stay the same.
        List<Contract> page = new ArrayList<>();
        List<Integer> entryIndexes = new ArrayList<>();
        for (int i = 0; i < Math.min(size, ids.size()); i++) {
            Contract contract = loaded.get(ids.get(i));
            if (contract != null && contract.getProviderOrganisationIds().contains(organisationId)) {
                page.add(contract);
                entryIndexes.add(i);
            }
        }
        java.util.function.IntFunction<OffsetScrollPosition> positions = offset.positionFunction();
        return Window.from(page, index -> positions.apply(entryIndexes.get(index)), ordered.size() > skip + size);
    }

    /** Contracts recorded for any of the given areas, in register order. */
    Window<Contract> servingAnyOf(Collection<String> areas, ScrollPosition position, int size) {
        Query query = new Query(Criteria.where("areas").in(areas)).with(REGISTER_ORDER).limit(size);
        return mongo.scroll(query.with(position), Contract.class);
    }

    /** The key contracts of each strategy, in the order of their report, in one query. */
    Map<String, List<Contract>> byStrategy(Collection<String> strategyIds) {
        Map<String, List<Contract>> byStrategy = new LinkedHashMap<>();
        strategyIds.forEach(id -> byStrategy.put(id, new ArrayList<>()));
        Query query = new Query(Criteria.where("strategyId").in(strategyIds)).with(REGISTER_ORDER);
        mongo.find(query, Contract.class).forEach(contract -> byStrategy.get(contract.getStrategyId()).add(contract));
        return byStrategy;
    }

    /** Contracts with a review due, or a current period ending, within the dates given; in one query. */
    List<Contract> reviewedOrEndingBetween(LocalDate from, LocalDate reviewsUntil, LocalDate endingUntil, String ownerOrganisation) {
        Query query = new Query(new Criteria().orOperator(
                Criteria.where("review.dueDate").gte(from).lte(reviewsUntil),
                Criteria.where("term.endDate").gte(from).lte(endingUntil)));
        if (ownerOrganisation != null) {
            query.addCriteria(Criteria.where("ownerOrganisation").is(ownerOrganisation));
        }
        return mongo.find(query, Contract.class);
    }

    @Override
    public Set<String> strategiesWithProviderNameContaining(String text) {
        return new HashSet<>(mongo.findDistinct(new Query(providerNameContains(text)), "strategyId", Contract.class, String.class));
    }

    Contract register(RegisterContractInput input) {
        CommissioningStrategy strategy = strategy(input.strategyId());
        Caller caller = RecordAccess.requireCanEdit(strategy.getOwnerOrganisation());
        return insert(input, strategy, caller.subject());
    }

    /** Registers a contract of the demo data set, which no signed-in user brings. */
    Contract importContract(RegisterContractInput input) {
        return insert(input, strategy(input.strategyId()), "demo-data");
    }

    Contract recordRating(RecordRatingInput input) {
        return change(input.id(), (contract, caller) -> {
            RatingScale scale = ContractInputRules.scale("scale", input.scale());
            Rating rating = ContractInputRules.rating("rating", input.rating(), scale);
            LocalDate ratedOn = onOrToday("ratedOn", input.ratedOn());
            contract.recordRating(new PerformanceRating(scale, rating, ratedOn, null,
                    ContractInputRules.blankToNull(input.correctiveMeasures()), caller.subject()));
            return true;
        });
    }

    Contract exerciseOption(OptionDecisionInput input) {
        return change(input.id(), (contract, caller) -> {
            contract.exerciseOption(option(input), onOrToday("decidedOn", input.decidedOn()),
                    ContractInputRules.blankToNull(input.note()), caller.subject());
            return true;
        });
    }

    Contract declineOption(OptionDecisionInput input) {
        return change(input.id(), (contract, caller) -> {
            contract.declineOption(option(input), onOrToday("decidedOn", input.decidedOn()),
                    ContractInputRules.blankToNull(input.note()), caller.subject());
            return true;
        });
    }

    Contract amend(AmendContractInput input) {
        return change(input.id(), (contract, caller) -> {
            String rationale = ContractInputRules.rationale(input.rationale());
            ContractChanges changes = ContractInputRules.changesOf(input);
            return contract.amend(changes, onOrToday("date", input.date()), rationale, caller.subject());
        });
    }

    long count() {
        return contracts.count();
    }

    /**
     * Contracts whose provider was matched to the merged organisation are matched to the survivor, each loaded, changed
     * and saved on its own (again when another writer changed it meanwhile), with its event. No caller is checked: the
     * partner directory asks, not a user. Owners stay as they are; contracts the merged organisation owns are logged
     * for its admins to move deliberately.
     */
    @Override
    public int followMerge(String mergedId, String survivorId, String changedBy, Map<String, Object> because) {
        Query providedBy = new Query(Criteria.where("providerOrganisationIds").is(mergedId));
        providedBy.fields().include("id");
        int changed = 0;
        for (Contract found : mongo.find(providedBy, Contract.class)) {
            changed += ConflictRetry.run(() -> {
                Contract contract = contracts.findById(found.getId()).orElse(null);
                if (contract == null || !contract.followMerge(mergedId, survivorId, changedBy, because)) {
                    return 0;
                }
                contracts.save(contract);
                return 1;
            });
        }
        long owned = mongo.count(new Query(Criteria.where("ownerOrganisation").is(mergedId)), Contract.class);
        if (owned > 0) {
            log.warn("{} was merged into {} but still owns {} contracts; they keep their owner, which a merge never moves", mergedId,
                    survivorId, owned);
        }
        return changed;
    }

    private Contract insert(RegisterContractInput input, CommissioningStrategy strategy, String registeredBy) {
        int nextPosition = (int) mongo.count(new Query(Criteria.where("strategyId").is(strategy.getId())), Contract.class) + 1;
        ContractDraft draft = ContractInputRules.draftOf(input, strategy.getOwnerOrganisation(), nextPosition, registeredBy);
        return contracts.insert(Contract.register(draft, registeredBy));
    }

    /** Loads the contract afresh, checks the caller may change it, applies the step and saves what changed. */
    private Contract change(String id, ContractStep step) {
        return ConflictRetry.run(() -> {
            Contract contract = contracts.findById(id == null ? "" : id)
                    .orElseThrow(() -> new NotFoundException("id", "No contract has the id " + id));
            Caller caller = RecordAccess.requireCanEdit(contract.getOwnerOrganisation());
            return step.apply(contract, caller) ? contracts.save(contract) : contract;
        });
    }

    private CommissioningStrategy strategy(String strategyId) {
        CommissioningStrategy strategy = strategyId == null ? null : mongo.findById(strategyId, CommissioningStrategy.class);
        if (strategy == null) {
            throw new NotFoundException("strategyId", "No commissioning strategy has the id " + strategyId);
        }
        return strategy;
    }

    private static int option(OptionDecisionInput input) {
        if (input.option() == null) {
            throw new InvalidInputException("option", "option must give the number of the extension option, from 1");
        }
        return input.option();
    }

    /** The date given, or today when none is; a date in the future is refused naming the field. */
    LocalDate onOrToday(String field, String text) {
        LocalDate date = ContractInputRules.date(field, text);
        LocalDate today = today();
        if (date != null && date.isAfter(today)) {
            throw new InvalidInputException(field, field + " " + date + " is in the future");
        }
        return date == null ? today : date;
    }

    private static Criteria providerNameContains(String text) {
        return Criteria.where("providerName").regex(Pattern.quote(text.strip()), "i");
    }

    private interface ContractStep {
        boolean apply(Contract contract, Caller caller);
    }
}
