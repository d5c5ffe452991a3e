package org.civicgraph.gateway.attention;

import org.civicgraph.gateway.downstream.InChunks;
import org.civicgraph.gateway.downstream.Subgraph;
import org.springframework.graphql.client.ClientGraphQlResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The exception report of each plan of an organisation or an area for a period, from plans-service: the plans in one
 * request, then their reports in one aliased request. A request carries at most {@link #PLANS_PER_REQUEST} reports so
 * that it stays within the service's alias and complexity limits; more plans than that are asked for in parallel.
 */
final class PlanExceptionReports {

    static final int ENTRIES_PER_LIST = 10;
    private static final int PLANS_PER_REQUEST = 12;

    private static final String PLANS = """
            query($owner: ID, $area: String) { plans(filter: {ownerOrganisation: $owner, area: $area}, first: 50) {
              edges { node { id title } } } }""";
    private static final String REPORT = """
            %1$s: exceptionReport(planId: $%2$s, period: $period) {
              counts { behindPlan overdueMilestones notReported missingExplanations }
              behindPlan(first: %3$d) { edges { node { activity { id reference description } update { status explanation } } } }
              overdueMilestones(first: %3$d) { edges { node { activity { id reference description }
                milestone { id text dueDate status revisedDueDate } } } }
              notReported(first: %3$d) { edges { node { id reference description } } } }""";

    private PlanExceptionReports() {
    }

    static CompletableFuture<List<Map<String, Object>>> fetch(Subgraph plansService, NeedsAttention view, String token, Executor fanOut) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Object> filter = new HashMap<>();
            filter.put("owner", view.organisation());
            filter.put("area", view.area());
            return Connections.nodes(plansService.query(PLANS, filter, token), "plans");
        }, fanOut).thenCompose(plans -> InChunks.map(plans, PLANS_PER_REQUEST, fanOut,
                chunk -> reports(plansService, chunk, view.period(), token)));
    }

    private static List<Map<String, Object>> reports(Subgraph plansService, List<Map<String, Object>> plans, String period, String token) {
        StringBuilder document = new StringBuilder("query($period: String!");
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("period", period);
        for (int i = 0; i < plans.size(); i++) {
            document.append(", $p").append(i).append(": ID!");
            variables.put("p" + i, plans.get(i).get("id"));
        }
        document.append(") {");
        for (int i = 0; i < plans.size(); i++) {
            document.append(REPORT.formatted("r" + i, "p" + i, ENTRIES_PER_LIST));
        }
        document.append(" }");
        ClientGraphQlResponse response = plansService.query(document.toString(), variables, token);
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("planId", plans.get(i).get("id"));
            report.put("title", plans.get(i).get("title"));
            report.put("counts", response.field("r" + i + ".counts").toEntity(Map.class));
            report.put("behindPlan", Connections.nodes(response, "r" + i + ".behindPlan"));
            report.put("overdueMilestones", Connections.nodes(response, "r" + i + ".overdueMilestones"));
            report.put("notReported", Connections.nodes(response, "r" + i + ".notReported"));
            reports.add(report);
        }
        return reports;
    }
}
