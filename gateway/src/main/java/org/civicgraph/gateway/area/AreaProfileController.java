package org.civicgraph.gateway.area;

import graphql.schema.DataFetchingEnvironment;
import org.civicgraph.gateway.downstream.BearerToken;
import org.civicgraph.gateway.downstream.ResponseFields;
import org.civicgraph.gateway.downstream.Service;
import org.civicgraph.gateway.downstream.Subgraphs;
import org.civicgraph.gateway.execution.FieldNames;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A district's or county's profile: the area, the areas it lies in and its indicators against England from
 * indicators-service (one request), the contracts serving it from contracts-service, and its partners and the plans
 * and activities covering it and the areas it lies in, from partners-service and plans-service (plans and activities
 * in one request). Services are asked at the same time, one request per service; the lineage the last three need is the one
 * indicators-service reported within the last minutes ({@link AreaLineages}), so they need not wait for it.
 */
@Controller
class AreaProfileController {

    private static final Pattern GSS_CODE = Pattern.compile("[ENSW]\\d{8}");
    private static final String AREA = """
            query($code: ID!) { area(code: $code) { code name type ancestors { code name type }
              profile { benchmark method indicators { ...entry } positive { ...entry } negative { ...entry } } } }
            fragment entry on ProfileEntry {
              indicator { id name unit polarity } latest { period { label } value }
              comparison { benchmark benchmarkValue outcome score } trend { points direction assessment significance } }""";
    /**
     * Per area of the lineage, 50 plans and 50 activities with their latest status: for a lineage of up to four areas
     * (district, county, region, country), one request for both stays within plans-service's complexity limit (4,208
     * of 5,000); a longer lineage has them asked for one after the other.
     */
    private static final int LINEAGE_FOR_ONE_REQUEST = 4;
    private static final AreaCoverage.Records PLANS = new AreaCoverage.Records(
            "plans", "area", "id title ownerOrganisation kind period", "plan", 50);
    private static final AreaCoverage.Records ACTIVITIES = new AreaCoverage.Records("activities", "area",
            "id planId reference description leadOrganisation partnerOrganisations history(first: 1) { edges { node { period status behindPlan } } }",
            "activity", 50);
    private static final AreaCoverage.Records PARTNERS = new AreaCoverage.Records(
            "organisations", "areaServed", "id name type website", "organisation", 100);
    private static final String CONTRACTS = """
            query($code: ID!) { contractsServingArea(area: $code, first: 100) { edges { node {
                recordedFor inherited
                contract { id ownerOrganisation service provider providerOrganisationId term reviewDate latestRating { label ratedOn } } } } } }""";

    private final Subgraphs subgraphs;
    private final AreaLineages lineages;
    private final Executor fanOut;

    AreaProfileController(Subgraphs subgraphs, AreaLineages lineages, @Qualifier("downstreamCalls") Executor fanOut) {
        this.subgraphs = subgraphs;
        this.lineages = lineages;
        this.fanOut = fanOut;
    }

    @QueryMapping
    AreaProfile areaProfile(@Argument String code, DataFetchingEnvironment environment) {
        if (!GSS_CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "code must be an ONS GSS code such as E07000136; got " + code);
        }
        // From the document rather than graphql-java's selection set, which would first build the whole operation's field tree
        Set<String> asked = FieldNames.of(environment.getField().getSelectionSet(), environment.getFragmentsByName());
        return new AreaProfile(code, asked.contains("plans") && asked.contains("activities"));
    }

    @SchemaMapping
    CompletableFuture<Map<String, Object>> area(AreaProfile profile) {
        return profile.area(areaLookup(profile, BearerToken.current()));
    }

    @SchemaMapping
    @SuppressWarnings("unchecked")
    CompletableFuture<Map<String, Object>> indicators(AreaProfile profile) {
        return profile.area(areaLookup(profile, BearerToken.current()))
                .thenApply(area -> area == null ? null : (Map<String, Object>) area.get("profile"));
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> partners(AreaProfile profile) {
        String token = BearerToken.current();
        return overLineage(profile, token, lineage -> AreaCoverage.covering(subgraphs.get(Service.PARTNERS), token, lineage, PARTNERS));
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> plans(AreaProfile profile) {
        return fromPlansService(profile, PLANS, 0);
    }

    /** The activities covering the area and the areas it lies in, each with its latest update. */
    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> activities(AreaProfile profile) {
        return fromPlansService(profile, ACTIVITIES, 1)
                .thenApply(covering -> covering.stream().map(AreaProfileController::withLatestStatus).toList());
    }

    /** One kind of plans-service's records over the lineage: in one request with the other kind when both are asked for. */
    private CompletableFuture<List<Map<String, Object>>> fromPlansService(AreaProfile profile, AreaCoverage.Records records, int kind) {
        String token = BearerToken.current();
        if (!profile.plansWithActivities()) {
            return overLineage(profile, token, lineage -> AreaCoverage.covering(subgraphs.get(Service.PLANS), token, lineage, records));
        }
        return profile.plansAndActivities(() -> overLineage(profile, token, lineage -> lineage.size() <= LINEAGE_FOR_ONE_REQUEST
                        ? AreaCoverage.covering(subgraphs.get(Service.PLANS), token, lineage, List.of(PLANS, ACTIVITIES))
                        : List.of(AreaCoverage.covering(subgraphs.get(Service.PLANS), token, lineage, PLANS),
                                  AreaCoverage.covering(subgraphs.get(Service.PLANS), token, lineage, ACTIVITIES))))
                .thenApply(both -> both.get(kind));
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> contracts(AreaProfile profile) {
        String token = BearerToken.current();
        return CompletableFuture.supplyAsync(() -> ResponseFields.nodes(subgraphs.get(Service.CONTRACTS)
                .query(CONTRACTS, Map.of("code", profile.getCode()), token), "contractsServingArea"), fanOut);
    }

    /** Runs a request over the area's lineage: at once when it is known, else when indicators-service has named it. */
    private <T> CompletableFuture<T> overLineage(AreaProfile profile, String token, Function<List<String>, T> request) {
        Optional<List<String>> known = lineages.of(profile.getCode());
        if (known.isPresent()) {
            profile.area(areaLookup(profile, token)); // the area is read afresh all the same, which also refreshes the lineage
            return CompletableFuture.supplyAsync(() -> request.apply(known.get()), fanOut);
        }
        return profile.lineage(areaLookup(profile, token)).thenApplyAsync(request, fanOut);
    }

    /** Moves the activity's one-item history up as its latest status. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withLatestStatus(Map<String, Object> covering) {
        Map<String, Object> result = new LinkedHashMap<>(covering);
        Map<String, Object> activity = new LinkedHashMap<>((Map<String, Object>) covering.get("activity"));
        Object history = activity.remove("history");
        List<Map<String, Object>> edges = history instanceof Map<?, ?> connection ? (List<Map<String, Object>>) connection.get("edges") : List.of();
        result.put("activity", activity);
        result.put("latest", edges == null || edges.isEmpty() ? null : edges.get(0).get("node"));
        return result;
    }

    private Supplier<CompletableFuture<Map<String, Object>>> areaLookup(AreaProfile profile, String token) {
        return () -> CompletableFuture.supplyAsync(() -> {
            Map<String, Object> area = ResponseFields.object(subgraphs.get(Service.INDICATORS).query(AREA, Map.of("code", profile.getCode()), token), "area");
            if (area != null) {
                lineages.remember(profile.getCode(), AreaProfile.lineageOf(profile.getCode(), area));
            }
            return area;
        }, fanOut);
    }
}
