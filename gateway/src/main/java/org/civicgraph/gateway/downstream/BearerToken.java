package org.civicgraph.gateway.downstream;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The current caller's token, passed on to the services so each one checks access itself. */
public final class BearerToken {

    private BearerToken() {
    }

    public static String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? jwt.getToken().getTokenValue() : null;
    }
}
