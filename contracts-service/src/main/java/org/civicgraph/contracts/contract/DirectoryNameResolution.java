package org.civicgraph.contracts.contract;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partner directory's name resolution (partners-service's {@code resolveNames}, public, up to
 * {@value #MOST_NAMES} names a call), asked over GraphQL. Only its confident answers count: a name it resolves, with a
 * clear margin, to one organisation (not a unit or a group of partners).
 */
@Component
class DirectoryNameResolution {

    static final int MOST_NAMES = 100;
    private static final String QUERY = """
            query($names: [String!]!, $areas: [String!]) {
              resolveNames(names: $names, areas: $areas) {
                name status partner { __typename id } candidates { score matchedName match }
              }
            }""";

    private final RestClient client;
    private final JsonMapper json;

    DirectoryNameResolution(@Value("${civicgraph.contracts.directory-url:http://127.0.0.1:8084/graphql}") URI directoryUrl, JsonMapper json) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.client = RestClient.builder().baseUrl(directoryUrl.toString()).requestFactory(requests).build();
        this.json = json;
    }

    /** The names resolved with confidence to one organisation, each with the organisation and the match (score, name matched). */
    Map<String, ConfidentMatch> confidentMatches(List<String> names, List<String> areas) {
        Map<String, ConfidentMatch> matches = new LinkedHashMap<>();
        for (int from = 0; from < names.size(); from += MOST_NAMES) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + MOST_NAMES));
            String body = client.post().contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(Map.of("query", QUERY, "variables", Map.of("names", batch, "areas", areas))))
                    .retrieve().body(String.class);
            Map<?, ?> response = json.readValue(body, Map.class);
            if (response.get("errors") != null || !(response.get("data") instanceof Map<?, ?> data)
                    || !(data.get("resolveNames") instanceof List<?> resolutions)) {
                throw new IllegalStateException("The partner directory did not resolve the names: " + body);
            }
            for (Object item : resolutions) {
                Map<?, ?> resolution = (Map<?, ?>) item;
                if ("RESOLVED".equals(resolution.get("status")) && resolution.get("partner") instanceof Map<?, ?> partner
                        && "Organisation".equals(partner.get("__typename"))
                        && resolution.get("candidates") instanceof List<?> candidates && !candidates.isEmpty()) {
                    Map<?, ?> best = (Map<?, ?>) candidates.get(0);
                    Map<String, Object> match = new LinkedHashMap<>();
                    match.put("score", best.get("score"));
                    match.put("matchedName", best.get("matchedName"));
                    match.put("match", best.get("match"));
                    matches.put((String) resolution.get("name"), new ConfidentMatch((String) partner.get("id"), match));
                }
            }
        }
        return matches;
    }

    record ConfidentMatch(String organisationId, Map<String, Object> match) {
    }
}
