package org.civicgraph.gateway.area;

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
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A district's or county's profile: the area from indicators-service, then its partners and the plans covering it,
 * asked of partners-service and plans-service at the same time, one request each.
 */
@Controller
class AreaProfileController {

    private static final Pattern GSS_CODE = Pattern.compile("[ENSW]\\d{8}");
    private static final String AREA = """
            query($code: ID!) { area(code: $code) { code name type ancestors { code name type } } }""";

    private final Subgraphs subgraphs;
    private final Executor fanOut;

    AreaProfileController(Subgraphs subgraphs, @Qualifier("downstreamCalls") Executor fanOut) {
        this.subgraphs = subgraphs;
        this.fanOut = fanOut;
    }

    @QueryMapping
    AreaProfile areaProfile(@Argument String code) {
        if (!GSS_CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "code must be an ONS GSS code such as E07000136; got " + code);
        }
        return new AreaProfile(code);
    }

    @SchemaMapping
    CompletableFuture<Map<String, Object>> area(AreaProfile profile) {
        return profile.area(areaLookup(profile, BearerToken.current()));
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> partners(AreaProfile profile) {
        String token = BearerToken.current();
        return profile.lineage(areaLookup(profile, token)).thenApplyAsync(lineage -> AreaCoverage.covering(
                subgraphs.get(Service.PARTNERS), token, lineage, "organisations", "areaServed", "id name type website", "organisation"), fanOut);
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> plans(AreaProfile profile) {
        String token = BearerToken.current();
        return profile.lineage(areaLookup(profile, token)).thenApplyAsync(lineage -> AreaCoverage.covering(
                subgraphs.get(Service.PLANS), token, lineage, "plans", "area", "id title ownerOrganisation kind period", "plan"), fanOut);
    }

    private Supplier<CompletableFuture<Map<String, Object>>> areaLookup(AreaProfile profile, String token) {
        return () -> CompletableFuture.supplyAsync(() -> subgraphs.get(Service.INDICATORS)
                .query(AREA, Map.of("code", profile.getCode()), token)
                .field("area").toEntity(Map.class), fanOut);
    }
}
