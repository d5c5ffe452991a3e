package org.civicgraph.webhooks.subscription;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** An endpoint is an absolute https:// URL without credentials or fragment; plain http:// only on loopback, when allowed. */
final class EndpointRules {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private EndpointRules() {
    }

    static URI check(String endpoint, boolean allowPlainHttpLoopback) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new InvalidInputException("endpoint", "Give the endpoint's URL");
        }
        URI uri;
        try {
            uri = new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("endpoint", "Not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new InvalidInputException("endpoint", "The endpoint must be an absolute URL, such as https://example.org/civicgraph");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new InvalidInputException("endpoint", "The endpoint must not carry credentials or a fragment");
        }
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback && allowPlainHttpLoopback)) {
            throw new InvalidInputException("endpoint", "The endpoint must use https://");
        }
        return uri;
    }
}
