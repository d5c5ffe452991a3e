package org.civicgraph.contracts.strategy;

import org.civicgraph.platform.directory.OrganisationMergeFollower;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds commissioning strategies and records what their owners report on them. Anyone may read a strategy. */
@Service
class StrategyRegister implements OrganisationMergeFollower {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final CommissioningStrategies strategies;
    private final MongoTemplate mongo;
    private final KeyContractProviders providers;

    StrategyRegister(CommissioningStrategies strategies, MongoTemplate mongo, KeyContractProviders providers) {
        this.strategies = strategies;
        this.mongo = mongo;
        this.providers = providers;
    }

    Optional<CommissioningStrategy> find(String id) {
        return strategies.findById(id);
    }

    List<CommissioningStrategy> findAll(List<String> ids) {
        return strategies.findAllById(ids);
    }

    Window<CommissioningStrategy> search(StrategyFilter filter, ScrollPosition position, int size) {
        Query query = new Query().with(Sort.by("title", "_id")).limit(size);
        if (filter.ownerOrganisation() != null) {
            query.addCriteria(Criteria.where("ownerOrganisation").is(filter.ownerOrganisation()));
        }
        if (filter.stage() != null) {
            query.addCriteria(Criteria.where("stage").is(filter.stage()));
        }
        if (filter.providerNameContains() != null && !filter.providerNameContains().isBlank()) {
            query.addCriteria(Criteria.where("_id").in(providers.strategiesWithProviderNameContaining(filter.providerNameContains().trim())));
        }
        return mongo.scroll(query.with(position), CommissioningStrategy.class);
    }

    CommissioningStrategy register(CommissioningStrategy strategy) {
        return strategies.insert(strategy);
    }

    CommissioningStrategy reportStatus(ReportStrategyStatusInput input) {
        return ConflictRetry.run(() -> {
            CommissioningStrategy strategy = strategies.findById(input.id())
                    .orElseThrow(() -> new NotFoundException("id", "No commissioning strategy has the id " + input.id()));
            Caller caller = RecordAccess.requireCanEdit(strategy.getOwnerOrganisation());
            String comment = requireCommentWhenNeeded(input.commissionerStatus(), input.comment());
            LocalDate reportDate = reportDate(input.reportDate());
            return strategy.reportStatus(input.commissionerStatus(), comment, caller.subject(), reportDate)
                    ? strategies.save(strategy) : strategy;
        });
    }

    long count() {
        return strategies.count();
    }

    /** Pooled budgets held by or with contributions from the merged organisation name the survivor; each strategy saved with its event. */
    @Override
    public int followMerge(String mergedId, String survivorId, String changedBy, Map<String, Object> because) {
        Query naming = new Query(new Criteria().orOperator(Criteria.where("pooledBudgets.heldBy").is(mergedId),
                Criteria.where("pooledBudgets.contributions.organisationId").is(mergedId)));
        naming.fields().include("id");
        int changed = 0;
        for (CommissioningStrategy found : mongo.find(naming, CommissioningStrategy.class)) {
            changed += ConflictRetry.run(() -> {
                CommissioningStrategy strategy = strategies.findById(found.getId()).orElse(null);
                if (strategy == null || !strategy.followMerge(mergedId, survivorId, changedBy, because)) {
                    return 0;
                }
                strategies.save(strategy);
                return 1;
            });
        }
        return changed;
    }

    private static String requireCommentWhenNeeded(CommissionerStatus status, String comment) {
        String trimmed = comment == null || comment.isBlank() ? null : comment.trim();
        if (trimmed == null && status.requiresComment()) {
            throw new InvalidInputException("comment", "comment is required when the status is " + status
                    + ": say what is wrong and what is being done about it");
        }
        return trimmed;
    }

    private static LocalDate reportDate(String text) {
        if (text == null) {
            return LocalDate.now(UK);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("reportDate", "reportDate must be an ISO date such as 2017-09-30; got " + text);
        }
    }
}
