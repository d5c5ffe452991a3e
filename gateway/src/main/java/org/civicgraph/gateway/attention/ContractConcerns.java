package org.civicgraph.gateway.attention;

import org.civicgraph.gateway.downstream.Subgraph;
import org.springframework.graphql.client.ClientGraphQlResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * From contracts-service in one request: the decisions due in the next 90 days (and overdue ones), and the contracts
 * whose latest rating is poor. For an area, both are limited to the contracts serving it (including those recorded
 * for the areas it lies within).
 *
 * @param decisions     the calendar's entries
 * @param poorlyRated   contracts whose latest rating is Poor, Requires improvement or Inadequate
 */
record ContractConcerns(List<Map<String, Object>> decisions, List<Map<String, Object>> poorlyRated) {

    static final int DAYS_AHEAD = 90;
    /** Contracts looked at for their ratings: the service's largest page. */
    private static final int CONTRACTS_LOOKED_AT = 100;
    private static final Set<String> POOR = Set.of("POOR", "REQUIRES_IMPROVEMENT", "INADEQUATE");

    private static final String DECISIONS = """
            decisions: decisionsCalendar(days: %d, ownerOrganisation: $owner, first: 100) {
              edges { node { kind dueDate overdue contract { id service provider } } } }""".formatted(DAYS_AHEAD);
    private static final String CONTRACT = "id ownerOrganisation service provider latestRating { label rating ratedOn }";
    private static final String OWNED = """
            query($owner: ID) { %s
              contracts(filter: {ownerOrganisation: $owner}, first: %d) { edges { node { %s } } } }"""
            .formatted(DECISIONS, CONTRACTS_LOOKED_AT, CONTRACT);
    private static final String SERVING = """
            query($owner: ID, $area: ID!) { %s
              serving: contractsServingArea(area: $area, first: %d) { edges { node { contract { %s } } } } }"""
            .formatted(DECISIONS, CONTRACTS_LOOKED_AT, CONTRACT);

    @SuppressWarnings("unchecked")
    static ContractConcerns fetch(Subgraph contractsService, NeedsAttention view, String token) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("owner", view.organisation());
        List<Map<String, Object>> decisions;
        List<Map<String, Object>> contracts;
        if (view.area() == null) {
            ClientGraphQlResponse response = contractsService.query(OWNED, variables, token);
            decisions = Connections.nodes(response, "decisions");
            contracts = Connections.nodes(response, "contracts");
        } else {
            variables.put("area", view.area());
            ClientGraphQlResponse response = contractsService.query(SERVING, variables, token);
            contracts = Connections.nodes(response, "serving").stream()
                    .map(serving -> (Map<String, Object>) serving.get("contract"))
                    .filter(contract -> view.organisation() == null || view.organisation().equals(contract.get("ownerOrganisation")))
                    .toList();
            Set<Object> serving = contracts.stream().map(contract -> contract.get("id")).collect(Collectors.toSet());
            decisions = Connections.nodes(response, "decisions").stream()
                    .filter(decision -> serving.contains(((Map<String, Object>) decision.get("contract")).get("id")))
                    .toList();
        }
        List<Map<String, Object>> poorlyRated = contracts.stream()
                .filter(contract -> contract.get("latestRating") instanceof Map<?, ?> rating && POOR.contains(Objects.toString(rating.get("rating"))))
                .toList();
        return new ContractConcerns(decisions, poorlyRated);
    }
}
