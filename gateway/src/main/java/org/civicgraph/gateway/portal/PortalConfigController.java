package org.civicgraph.gateway.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the portal (served from the portal module's jar at {@code /}) needs to know at start: the token issuer, and
 * whether it is the local stack's development issuer, whose sign-in page lets you pick a demo organisation and role.
 * Off unless {@code CIVICGRAPH_PORTAL_DEVELOPMENT_SIGN_IN=true}, which only the local stack sets.
 */
@RestController
class PortalConfigController {

    private final Map<String, Object> config;

    PortalConfigController(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                           @Value("${civicgraph.portal.development-sign-in:false}") boolean developmentSignIn) {
        config = new LinkedHashMap<>();
        config.put("issuer", issuer);
        config.put("developmentSignIn", developmentSignIn);
    }

    @GetMapping("/portal-config.json")
    Map<String, Object> config() {
        return config;
    }
}
