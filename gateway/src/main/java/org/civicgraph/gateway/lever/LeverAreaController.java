package org.civicgraph.gateway.lever;

import org.civicgraph.gateway.downstream.AliasedLists;
import org.civicgraph.gateway.downstream.BearerToken;
import org.civicgraph.gateway.downstream.InChunks;
import org.civicgraph.gateway.downstream.ResponseFields;
import org.civicgraph.gateway.downstream.Service;
import org.civicgraph.gateway.downstream.Subgraphs;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * One lever area across the services, asked of each at the same time: the plans' themes that stand for it with their
 * objectives and activities (plans-service: the plans, then the themes' activities, {@link #THEMES_PER_REQUEST} themes
 * to a request and the requests in parallel), the partnerships
 * on it (partners-service), and the indicators marked with it, with their latest value in an area against England
 * (indicators-service, one request).
 */
@Controller
class LeverAreaController {

    private static final Pattern GSS_CODE = Pattern.compile("[ENSW]\\d{8}");
    private static final String PLANS = """
            { plans(first: 100) { edges { node { id title ownerOrganisation kind period
                themes { key title description partnerOrganisations objectives { key title } } } } } }""";
    /** A theme's 100 activities count about 800 towards plans-service's complexity limit of 5,000. */
    static final int THEMES_PER_REQUEST = 5;
    private static final String ACTIVITY_SELECTION = "id planId reference description leadOrganisation partnerOrganisations";
    private static final String PARTNERSHIPS = """
            query($area: LeverArea) { partnerships(leverArea: $area, first: 20) { edges { node { id name plan
                members { role partner { id name } } } } } }""";
    private static final String INDICATORS = """
            query($code: ID!, $area: LeverArea) {
              indicators(filter: {leverArea: $area}, first: 100) { edges { node { id } } }
              area(code: $code) { profile { indicators {
                indicator { id name unit polarity } latest { period { label } value }
                comparison { benchmark benchmarkValue outcome score } trend { points direction assessment significance } } } } }""";

    private final Subgraphs subgraphs;
    private final Executor fanOut;

    LeverAreaController(Subgraphs subgraphs, @Qualifier("downstreamCalls") Executor fanOut) {
        this.subgraphs = subgraphs;
        this.fanOut = fanOut;
    }

    @QueryMapping
    LeverAreaView leverArea(@Argument String area, @Argument String areaCode) {
        if (!GSS_CODE.matcher(areaCode).matches()) {
            throw new InvalidInputException("areaCode", "areaCode must be an ONS GSS code such as E10000019; got " + areaCode);
        }
        return new LeverAreaView(area, areaCode);
    }

    /** The themes standing for the lever area in every plan, each with its activities. */
    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> themes(LeverAreaView view) {
        String token = BearerToken.current();
        return CompletableFuture.supplyAsync(() -> themesOf(view, token), fanOut)
                .thenCompose(themes -> InChunks.map(themes, THEMES_PER_REQUEST, fanOut, chunk -> withActivities(chunk, token)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> themesOf(LeverAreaView view, String token) {
        List<Map<String, Object>> themes = new ArrayList<>();
        for (Map<String, Object> plan : nodes(subgraphs.get(Service.PLANS).query(PLANS, Map.of(), token), "plans")) {
            for (Map<String, Object> theme : (List<Map<String, Object>>) plan.get("themes")) {
                if (view.themeKey().equals(theme.get("key"))) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("plan", plan);
                    entry.put("theme", theme);
                    themes.add(entry);
                }
            }
        }
        return themes;
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> partnerships(LeverAreaView view) {
        String token = BearerToken.current();
        return CompletableFuture.supplyAsync(() -> nodes(subgraphs.get(Service.PARTNERS)
                .query(PARTNERSHIPS, Map.of("area", view.area()), token), "partnerships"), fanOut);
    }

    /** The lever area's indicators that have a value in the area, as its profile judges them. */
    @SchemaMapping
    @SuppressWarnings("unchecked")
    CompletableFuture<List<Map<String, Object>>> indicators(LeverAreaView view) {
        String token = BearerToken.current();
        return CompletableFuture.supplyAsync(() -> {
            ClientGraphQlResponse response = subgraphs.get(Service.INDICATORS)
                    .query(INDICATORS, Map.of("code", view.areaCode(), "area", view.area()), token);
            Set<Object> ofLeverArea = new HashSet<>();
            nodes(response, "indicators").forEach(indicator -> ofLeverArea.add(indicator.get("id")));
            List<Map<String, Object>> entries = ResponseFields.list(response, "area.profile.indicators");
            return entries.stream().filter(entry -> ofLeverArea.contains(((Map<String, Object>) entry.get("indicator")).get("id"))).toList();
        }, fanOut);
    }

    /** The themes with their activities: one request, one aliased field per theme. */
    private List<Map<String, Object>> withActivities(List<Map<String, Object>> themes, String token) {
        List<Map<String, String>> filters = themes.stream()
                .map(entry -> Map.of("planId", String.valueOf(planId(entry)), "theme", String.valueOf(((Map<?, ?>) entry.get("theme")).get("key"))))
                .toList();
        List<List<Map<String, Object>>> pages = AliasedLists.fetch(subgraphs.get(Service.PLANS), token, "activities", filters, ACTIVITY_SELECTION, 100);
        for (int i = 0; i < themes.size(); i++) {
            themes.get(i).put("activities", pages.get(i));
        }
        return themes;
    }

    private static Object planId(Map<String, Object> entry) {
        return entry.get("plan") instanceof Map<?, ?> plan ? plan.get("id") : null;
    }

    private static List<Map<String, Object>> nodes(ClientGraphQlResponse response, String field) {
        return ResponseFields.nodes(response, field);
    }
}
