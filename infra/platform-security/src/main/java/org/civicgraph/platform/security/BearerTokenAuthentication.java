package org.civicgraph.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Authenticates a bearer token that did not come in an HTTP header (a GraphQL-over-WebSocket connection sends it in
 * its first message), exactly as the resource server does for a header: same decoder, same {@link Caller}.
 */
public final class BearerTokenAuthentication {

    private BearerTokenAuthentication() {
    }

    /**
     * @param token the token, with or without the {@code Bearer } prefix
     * @throws JwtException when the token is not valid
     */
    public static Authentication of(JwtDecoder decoder, String token) {
        String raw = token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7).strip() : token.strip();
        return new SecurityAutoConfiguration.CallerAuthenticationConverter().convert(decoder.decode(raw));
    }
}
