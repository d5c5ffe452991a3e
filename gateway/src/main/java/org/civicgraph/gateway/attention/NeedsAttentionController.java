package org.civicgraph.gateway.attention;

import org.civicgraph.gateway.downstream.BearerToken;
import org.civicgraph.gateway.downstream.Service;
import org.civicgraph.gateway.downstream.Subgraphs;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Everything needing attention in a quarter: plans' exception reports (plans-service), contract decisions due and
 * poorly rated contracts (contracts-service), indicators worse than England and getting worse and missed targets
 * (indicators-service). One request per service (the plans' reports after their plans), the services at the same
 * time; a service that fails leaves its fields null with an error naming it.
 */
@Controller
class NeedsAttentionController {

    private static final Pattern GSS_CODE = Pattern.compile("[ENSW]\\d{8}");

    private final Subgraphs subgraphs;
    private final Executor fanOut;

    NeedsAttentionController(Subgraphs subgraphs, @Qualifier("downstreamCalls") Executor fanOut) {
        this.subgraphs = subgraphs;
        this.fanOut = fanOut;
    }

    @QueryMapping
    NeedsAttention needsAttention(@Argument String period, @Argument String organisation, @Argument String area) {
        if (area != null && !GSS_CODE.matcher(area).matches()) {
            throw new InvalidInputException("area", "area must be an ONS GSS code such as E07000136; got " + area);
        }
        return new NeedsAttention(period, organisation, area);
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> plans(NeedsAttention view) {
        String token = BearerToken.current();
        return view.answerOf(Service.PLANS, () -> PlanExceptionReports.fetch(subgraphs.get(Service.PLANS), view, token, fanOut));
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> contractDecisions(NeedsAttention view) {
        return contracts(view).thenApply(ContractConcerns::decisions);
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> poorlyRatedContracts(NeedsAttention view) {
        return contracts(view).thenApply(ContractConcerns::poorlyRated);
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> indicatorsWorseAndWorsening(NeedsAttention view) {
        return indicators(view).thenApply(IndicatorConcerns::worseAndWorsening);
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> missedTargets(NeedsAttention view) {
        return indicators(view).thenApply(IndicatorConcerns::missedTargets);
    }

    private CompletableFuture<ContractConcerns> contracts(NeedsAttention view) {
        String token = BearerToken.current();
        return view.answerOf(Service.CONTRACTS, () -> CompletableFuture.supplyAsync(
                () -> ContractConcerns.fetch(subgraphs.get(Service.CONTRACTS), view, token), fanOut));
    }

    private CompletableFuture<IndicatorConcerns> indicators(NeedsAttention view) {
        String token = BearerToken.current();
        return view.answerOf(Service.INDICATORS, () -> CompletableFuture.supplyAsync(
                () -> IndicatorConcerns.fetch(subgraphs.get(Service.INDICATORS), view, token), fanOut));
    }
}
