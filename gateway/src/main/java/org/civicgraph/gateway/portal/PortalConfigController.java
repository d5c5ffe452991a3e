package org.civicgraph.gateway.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the portal (served from the portal module's jar at {@code /}) needs to know at start: the token issuer; whether
 * it is the local stack's development issuer, whose sign-in page lets you pick a demo organisation and role (off
 * unless {@code CIVICGRAPH_PORTAL_DEVELOPMENT_SIGN_IN=true}, which only the local stack sets); and the OpenID Connect
 * provider and client the portal signs users in with otherwise (authorization code with PKCE, in the browser), given
 * by {@code CIVICGRAPH_PORTAL_OIDC_CLIENT_ID} and optionally {@code CIVICGRAPH_PORTAL_OIDC_ISSUER} (the issuer whose
 * tokens the gateway accepts, when not set) and {@code CIVICGRAPH_PORTAL_OIDC_SCOPE}. Without a client id the
 * portal offers no such sign-in. None of this is secret: the portal is a public client.
 */
@RestController
class PortalConfigController {

    private final Map<String, Object> config;

    PortalConfigController(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                           @Value("${civicgraph.portal.development-sign-in:false}") boolean developmentSignIn,
                           @Value("${civicgraph.portal.oidc.issuer:}") String oidcIssuer,
                           @Value("${civicgraph.portal.oidc.client-id:}") String oidcClientId,
                           @Value("${civicgraph.portal.oidc.scope:openid profile}") String oidcScope) {
        config = new LinkedHashMap<>();
        config.put("issuer", issuer);
        config.put("developmentSignIn", developmentSignIn);
        if (oidcClientId.isBlank()) {
            config.put("oidc", null);
        } else {
            Map<String, Object> oidc = new LinkedHashMap<>();
            oidc.put("issuer", oidcIssuer.isBlank() ? issuer : oidcIssuer);
            oidc.put("clientId", oidcClientId);
            oidc.put("scope", oidcScope);
            config.put("oidc", oidc);
        }
    }

    @GetMapping("/portal-config.json")
    Map<String, Object> config() {
        return config;
    }
}
