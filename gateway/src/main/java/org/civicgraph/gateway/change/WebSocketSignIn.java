package org.civicgraph.gateway.change;

import org.civicgraph.platform.security.BearerTokenAuthentication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Signs in a graphql-ws connection: browsers cannot send headers with a WebSocket upgrade, so the token comes in
 * the connection_init payload ({@code {"Authorization": "Bearer ..."}}) and is checked like a header's. A connection
 * with a bad token is refused; one without a token is anonymous, and so may not subscribe. Each operation on the
 * connection then runs as that caller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before any interceptor that acts for the caller, such as ServiceRouting
class WebSocketSignIn implements WebSocketGraphQlInterceptor {

    private static final String AUTHENTICATION = WebSocketSignIn.class.getName() + ".authentication";
    private static final String SECURITY_CONTEXT_KEY = SecurityContext.class.getName();

    private final JwtDecoder decoder;

    WebSocketSignIn(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object token = payload.getOrDefault("Authorization", payload.get("authorization"));
        if (token instanceof String bearer && !bearer.isBlank()) {
            try {
                session.getAttributes().put(AUTHENTICATION, BearerTokenAuthentication.of(decoder, bearer));
            } catch (JwtException e) {
                return Mono.error(new IllegalArgumentException("The token in connection_init is not valid: " + e.getMessage()));
            }
        }
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest webSocket)
                || !(webSocket.getSessionInfo().getAttributes().get(AUTHENTICATION) instanceof Authentication authentication)) {
            return chain.next(request);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContext outer = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            // the thread-local for what runs now, the Reactor context for what Spring for GraphQL runs later
            return chain.next(request).contextWrite(reactor -> reactor.put(SECURITY_CONTEXT_KEY, context));
        } finally {
            SecurityContextHolder.setContext(outer);
        }
    }
}
