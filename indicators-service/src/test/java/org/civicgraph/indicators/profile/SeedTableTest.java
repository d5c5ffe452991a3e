package org.civicgraph.indicators.profile;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003 lists, per district, the "levelling up" indicators it judged positive and negative against the
 * national average. This prints that table beside what each comparison method makes of the same figures, through
 * the area profile, and how far each method agrees. The seed gives no confidence intervals, so the two Fingertips
 * interval methods cannot compare anything; quintiles and the robust z-score judge each district among the seven.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class SeedTableTest {

    private static final String LINCOLNSHIRE = "E10000019";
    private static final List<Method> METHODS = List.of(
            new Method("Tolerance 0% (direction only)", "TOLERANCE_BAND", 0),
            new Method("Tolerance band 2%", "TOLERANCE_BAND", 2),
            new Method("Tolerance band 5%", "TOLERANCE_BAND", 5),
            new Method("Tolerance band 10%", "TOLERANCE_BAND", 10),
            new Method("CI overlap 95%", "CI_OVERLAP_95", 5),
            new Method("CI overlap 99.8%", "CI_OVERLAP_99_8", 5),
            new Method("Quintiles in county", "QUINTILES", 5),
            new Method("Robust z in county", "ROBUST_Z_SCORE", 5));

    @LocalServerPort
    int port;

    record Method(String label, String method, double tolerance) {
    }

    /** How one method's calls compare with the seed's. */
    record Agreement(int judgements, int judgementsReproduced, int cells, int cellsAgreeing, int compared, int calls, int callsTheSeedMade) {

        String percent(int part, int whole) {
            return whole == 0 ? "-" : Math.round(100.0 * part / whole) + "%";
        }
    }

    @Test
    void printsTheSeedsJudgementsBesideEachMethodAndHowOftenEachAgrees() throws IOException {
        Map<String, Map<String, String>> seed = seedJudgements(); // district -> indicator -> BETTER / WORSE
        Map<String, String> districtNames = new LinkedHashMap<>();
        List<String> indicators = new ArrayList<>();
        Map<Method, Map<String, Map<String, String>>> calls = new LinkedHashMap<>();
        for (Method method : METHODS) {
            calls.put(method, outcomes(method, districtNames, indicators));
        }

        Map<Method, Agreement> agreements = new LinkedHashMap<>();
        METHODS.forEach(method -> agreements.put(method, agreement(seed, calls.get(method), districtNames.keySet(), indicators)));
        print(seed, calls, agreements, districtNames, indicators);

        assertThat(districtNames).hasSize(7);
        assertThat(indicators).hasSize(15);
        assertThat(agreements.values()).allMatch(a -> a.judgements() == 44 && a.cells() == 105);
        // the seed has no confidence intervals: the interval methods compare nothing
        assertThat(agreements.get(METHODS.get(4)).compared()).isZero();
        assertThat(agreements.get(METHODS.get(5)).compared()).isZero();
        // Boston's four wellbeing ratings are unavailable; every other cell can be compared by the other methods
        assertThat(agreements.get(METHODS.get(2)).compared()).isEqualTo(101);
        // figures cross-checked by an independent calculation from the seed's table
        assertThat(agreements.values()).extracting(Agreement::judgementsReproduced).containsExactly(44, 44, 36, 31, 0, 0, 34, 18);
        assertThat(agreements.values()).extracting(Agreement::cellsAgreeing).containsExactly(47, 59, 65, 69, 0, 0, 45, 61);
    }

    private Map<String, Map<String, String>> outcomes(Method method, Map<String, String> districtNames, List<String> indicators) {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("""
                query($parent: ID, $method: ComparisonMethod, $tolerance: Float) {
                  areas(filter: {type: DISTRICT, parentCode: $parent}, first: 20) { edges { node { code name
                    profile(method: $method, tolerance: $tolerance) { indicators { indicator { id source } comparison { outcome } } } } } } }""",
                Map.of("parent", LINCOLNSHIRE, "method", method.method(), "tolerance", method.tolerance()));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        Map<String, Map<String, String>> byDistrict = new LinkedHashMap<>();
        List<Map<String, Object>> districts = response.read("$.data.areas.edges[*].node");
        for (Map<String, Object> district : districts) {
            String code = (String) district.get("code");
            districtNames.put(code, (String) district.get("name"));
            List<Map<String, Object>> entries = JsonPath.parse(district).read("$.profile.indicators[?(@.indicator.source =~ /.*section 6\\.1.*/)]");
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (Map<String, Object> entry : entries) {
                String id = JsonPath.parse(entry).read("$.indicator.id");
                outcomes.put(id, JsonPath.parse(entry).read("$.comparison.outcome"));
                if (!indicators.contains(id)) {
                    indicators.add(id);
                }
            }
            byDistrict.put(code, outcomes);
        }
        return byDistrict;
    }

    private static Agreement agreement(Map<String, Map<String, String>> seed, Map<String, Map<String, String>> calls,
                                       Iterable<String> districts, List<String> indicators) {
        int judgements = 0, reproduced = 0, cells = 0, agreeing = 0, compared = 0, made = 0, madeBySeed = 0;
        for (String district : districts) {
            for (String indicator : indicators) {
                String judged = seed.getOrDefault(district, Map.of()).get(indicator);
                String call = calls.get(district).get(indicator);
                cells++;
                if (!"NOT_COMPARED".equals(call)) {
                    compared++;
                }
                if (judged != null) {
                    judgements++;
                    reproduced += judged.equals(call) ? 1 : 0;
                }
                boolean judgement = "BETTER".equals(call) || "WORSE".equals(call);
                agreeing += (judged == null ? "SIMILAR".equals(call) : judged.equals(call)) ? 1 : 0;
                if (judgement) {
                    made++;
                    madeBySeed += call.equals(judged) ? 1 : 0;
                }
            }
        }
        return new Agreement(judgements, reproduced, cells, agreeing, compared, made, madeBySeed);
    }

    private static void print(Map<String, Map<String, String>> seed, Map<Method, Map<String, Map<String, String>>> calls,
                              Map<Method, Agreement> agreements, Map<String, String> districtNames, List<String> indicators) {
        StringBuilder out = new StringBuilder("\nSeed 003 section 6.1: judgements against the national average (+ positive, - negative, blank not listed)\n");
        out.append("beside each method's outcome (+ better, - worse, = similar, . not compared)\n\n");
        out.append(String.format("%-16s %-52s %4s", "District", "Indicator", "seed"));
        for (int i = 0; i < METHODS.size(); i++) {
            out.append(String.format(" %3s", "M" + (i + 1)));
        }
        out.append('\n');
        districtNames.forEach((code, name) -> {
            for (String indicator : indicators) {
                out.append(String.format("%-16s %-52s %4s", name, indicator, mark(seed.getOrDefault(code, Map.of()).get(indicator), " ")));
                for (Method method : METHODS) {
                    out.append(String.format(" %3s", mark(calls.get(method).get(code).get(indicator), "?")));
                }
                out.append('\n');
            }
        });
        out.append("\nAgreement with the seed's 44 judgements over 105 district-indicator cells\n");
        out.append(String.format("%-4s %-30s %-22s %-22s %-10s %s%n", "", "method", "judgements reproduced", "cells agreeing", "compared", "its own calls the seed also made"));
        for (int i = 0; i < METHODS.size(); i++) {
            Agreement a = agreements.get(METHODS.get(i));
            out.append(String.format("%-4s %-30s %-22s %-22s %-10s %s%n", "M" + (i + 1), METHODS.get(i).label(),
                    a.judgementsReproduced() + "/" + a.judgements() + " " + a.percent(a.judgementsReproduced(), a.judgements()),
                    a.cellsAgreeing() + "/" + a.cells() + " " + a.percent(a.cellsAgreeing(), a.cells()),
                    a.compared() + "/" + a.cells(),
                    a.callsTheSeedMade() + "/" + a.calls() + " " + a.percent(a.callsTheSeedMade(), a.calls())));
        }
        System.out.println(out);
    }

    private static String mark(String outcome, String none) {
        if (outcome == null) {
            return none;
        }
        return switch (outcome) {
            case "BETTER" -> "+";
            case "WORSE" -> "-";
            case "SIMILAR" -> "=";
            default -> ".";
        };
    }

    private static Map<String, Map<String, String>> seedJudgements() throws IOException {
        try (InputStream in = new ClassPathResource("seed-003-judgements.json").getInputStream()) {
            DocumentContext json = JsonPath.parse(in);
            Map<String, Map<String, String>> judgements = new HashMap<>();
            List<Map<String, Object>> districts = json.read("$.districts[*]");
            for (Map<String, Object> district : districts) {
                Map<String, String> byIndicator = new HashMap<>();
                judged(district.get("negative"), "WORSE", byIndicator);
                judged(district.get("positive"), "BETTER", byIndicator);
                judgements.put((String) district.get("code"), byIndicator);
            }
            return judgements;
        }
    }

    @SuppressWarnings("unchecked")
    private static void judged(Object phrases, String outcome, Map<String, String> byIndicator) {
        ((Map<String, List<String>>) phrases).values().forEach(ids -> ids.forEach(id -> byIndicator.put(id, outcome)));
    }
}
