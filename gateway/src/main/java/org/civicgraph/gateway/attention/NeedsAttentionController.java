package org.civicgraph.gateway.attention;

import org.civicgraph.gateway.downstream.BearerToken;
import org.civicgraph.gateway.downstream.Service;
import org.civicgraph.gateway.downstream.Subgraphs;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Everything needing attention this quarter: plans' exception reports (plans-service: the plans, then all their
 * reports in one aliased request), contract decisions due in the next 90 days (contracts-service) and indicators
 * worse than England and getting worse (indicators-service). The services are asked at the same time.
 */
@Controller
class NeedsAttentionController {

    private static final String PLANS = """
            query($owner: ID) { plans(filter: {ownerOrganisation: $owner}, first: 50) { edges { node { id title } } } }""";
    private static final String REPORT = """
            %s: exceptionReport(planId: $%s, period: $period) {
              counts { behindPlan overdueMilestones notReported missingExplanations }
              behindPlan(first: 20) { edges { node { activity { id reference description } update { status explanation } } } } }""";
    private static final String DECISIONS = """
            query($owner: ID) { decisionsCalendar(days: 90, ownerOrganisation: $owner, first: 100) {
                edges { node { kind dueDate overdue contract { id service provider } } } } }""";
    private static final String RED_RED = """
            { redRed(first: 100) { edges { node { area { code name } entry {
                indicator { id name } comparison { outcome } trend { assessment } } } } } }""";

    private final Subgraphs subgraphs;
    private final Executor fanOut;

    NeedsAttentionController(Subgraphs subgraphs, @Qualifier("downstreamCalls") Executor fanOut) {
        this.subgraphs = subgraphs;
        this.fanOut = fanOut;
    }

    @QueryMapping
    NeedsAttention needsAttention(@Argument String period, @Argument String organisation) {
        return new NeedsAttention(period, organisation);
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> plans(NeedsAttention view) {
        String token = BearerToken.current();
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Object> owner = new HashMap<>();
            owner.put("owner", view.organisation());
            List<Map<String, Object>> plans = nodes(subgraphs.get(Service.PLANS).query(PLANS, owner, token), "plans");
            if (plans.isEmpty()) {
                return List.of();
            }
            return exceptionReports(plans, view.period(), token);
        }, fanOut);
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> contractDecisions(NeedsAttention view) {
        String token = BearerToken.current();
        Map<String, Object> owner = new HashMap<>();
        owner.put("owner", view.organisation());
        return CompletableFuture.supplyAsync(() -> nodes(subgraphs.get(Service.CONTRACTS).query(DECISIONS, owner, token),
                "decisionsCalendar"), fanOut);
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> indicatorsWorseAndWorsening(NeedsAttention view) {
        String token = BearerToken.current();
        return CompletableFuture.supplyAsync(() -> nodes(subgraphs.get(Service.INDICATORS).query(RED_RED, Map.of(), token),
                "redRed"), fanOut);
    }

    /** One request for every plan's exception report, each under its own alias. */
    private List<Map<String, Object>> exceptionReports(List<Map<String, Object>> plans, String period, String token) {
        StringBuilder document = new StringBuilder("query($period: String!");
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("period", period);
        for (int i = 0; i < plans.size(); i++) {
            document.append(", $p").append(i).append(": ID!");
            variables.put("p" + i, plans.get(i).get("id"));
        }
        document.append(") {");
        for (int i = 0; i < plans.size(); i++) {
            document.append(REPORT.formatted("r" + i, "p" + i));
        }
        document.append(" }");
        ClientGraphQlResponse response = subgraphs.get(Service.PLANS).query(document.toString(), variables, token);
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("planId", plans.get(i).get("id"));
            report.put("title", plans.get(i).get("title"));
            report.put("counts", response.field("r" + i + ".counts").toEntity(Map.class));
            report.put("behindPlan", nodes(response, "r" + i + ".behindPlan"));
            reports.add(report);
        }
        return reports;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(ClientGraphQlResponse response, String field) {
        return response.field(field + ".edges").toEntityList(Map.class).stream()
                .map(edge -> (Map<String, Object>) edge.get("node"))
                .toList();
    }
}
