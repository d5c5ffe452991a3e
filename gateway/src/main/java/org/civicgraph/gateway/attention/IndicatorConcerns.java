package org.civicgraph.gateway.attention;

import org.civicgraph.gateway.downstream.Subgraph;
import org.springframework.graphql.client.ClientGraphQlResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * From indicators-service in one request: indicators worse than England and getting worse, and targets missed. For
 * an area, only that area's; for an organisation, only the targets of the indicators it maintains (it sets them). A
 * target counts as missed when the latest target set for the indicator in the area was not achieved: worked out from
 * the value, or as a report stated it when there is no value to work it out from.
 *
 * @param worseAndWorsening the service's red-red findings
 * @param missedTargets     the latest target per indicator and area, where it was missed
 */
record IndicatorConcerns(List<Map<String, Object>> worseAndWorsening, List<Map<String, Object>> missedTargets) {

    private static final String QUERY = """
            query($area: ID) {
              redRed(first: 100) { edges { node { area { code name } entry {
                indicator { id name } comparison { outcome } trend { assessment } } } } }
              targets: indicatorTargets(filter: {areaCode: $area}, first: 100) { edges { node {
                indicator { id name ownerOrganisation } areaCode period { label end } target actual { period { label } value } verdict reportedVerdict } } } }""";

    @SuppressWarnings("unchecked")
    static IndicatorConcerns fetch(Subgraph indicatorsService, NeedsAttention view, String token) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("area", view.area());
        ClientGraphQlResponse response = indicatorsService.query(QUERY, variables, token);
        List<Map<String, Object>> redRed = Connections.nodes(response, "redRed").stream()
                .filter(finding -> view.area() == null || view.area().equals(((Map<String, Object>) finding.get("area")).get("code")))
                .toList();
        List<Map<String, Object>> targets = Connections.nodes(response, "targets").stream()
                .filter(target -> view.organisation() == null || target.get("indicator") instanceof Map<?, ?> indicator
                        && view.organisation().equals(indicator.get("ownerOrganisation")))
                .toList();
        return new IndicatorConcerns(redRed, missedOfLatest(targets));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> missedOfLatest(List<Map<String, Object>> targets) {
        Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
        for (Map<String, Object> target : targets) {
            Object indicator = target.get("indicator") instanceof Map<?, ?> named ? named.get("id") : null;
            String key = indicator + " " + target.get("areaCode");
            Map<String, Object> current = latest.get(key);
            if (current == null || periodEnd(target).compareTo(periodEnd(current)) > 0) {
                latest.put(key, target);
            }
        }
        List<Map<String, Object>> missed = new ArrayList<>();
        for (Map<String, Object> target : latest.values()) {
            Object verdict = target.get("verdict") != null ? target.get("verdict") : target.get("reportedVerdict");
            if ("NOT_ACHIEVED".equals(verdict)) {
                missed.add(target);
            }
        }
        missed.sort(Comparator.comparing((Map<String, Object> target) -> periodEnd(target)).reversed());
        return missed;
    }

    private static String periodEnd(Map<String, Object> target) {
        return target.get("period") instanceof Map<?, ?> period ? Objects.toString(period.get("end"), "") : "";
    }
}
