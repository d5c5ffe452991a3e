package org.civicgraph.gateway.area;

import org.civicgraph.gateway.downstream.BearerToken;
import org.civicgraph.gateway.downstream.Service;
import org.civicgraph.gateway.downstream.Subgraphs;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A district's or county's profile: the area from indicators-service, its partners and the plans covering it. */
@Controller
class AreaProfileController {

    private static final Pattern GSS_CODE = Pattern.compile("[ENSW]\\d{8}");
    private static final String AREA = """
            query($code: ID!) { area(code: $code) { code name type ancestors { code name type } } }""";

    private final Subgraphs subgraphs;

    AreaProfileController(Subgraphs subgraphs) {
        this.subgraphs = subgraphs;
    }

    @QueryMapping
    AreaProfile areaProfile(@Argument String code) {
        if (!GSS_CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "code must be an ONS GSS code such as E07000136; got " + code);
        }
        return new AreaProfile(code);
    }

    @SchemaMapping
    Map<String, Object> area(AreaProfile profile) {
        return profile.area(() -> subgraphs.get(Service.INDICATORS)
                .query(AREA, Map.of("code", profile.getCode()), BearerToken.current())
                .field("area").toEntity(Map.class));
    }

    @SchemaMapping
    List<Map<String, Object>> partners(AreaProfile profile) {
        lookUpLineage(profile);
        return AreaCoverage.covering(subgraphs.get(Service.PARTNERS), profile.lineage(), "organisations", "areaServed",
                "id name type website", "organisation");
    }

    @SchemaMapping
    List<Map<String, Object>> plans(AreaProfile profile) {
        lookUpLineage(profile);
        return AreaCoverage.covering(subgraphs.get(Service.PLANS), profile.lineage(), "plans", "area",
                "id title ownerOrganisation kind period", "plan");
    }

    /** The parts that depend on the hierarchy still answer, for the area alone, when indicators-service is down. */
    private void lookUpLineage(AreaProfile profile) {
        try {
            area(profile);
        } catch (RuntimeException indicatorsUnavailable) {
            // reported on the area field itself
        }
    }
}
