package org.civicgraph.gateway.portal;

import com.jayway.jsonpath.DocumentContext;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With a client id configured, the portal is told to sign users in through the issuer whose tokens the gateway accepts. */
@PlatformIntegrationTest
@TestPropertySource(properties = {"civicgraph.portal.oidc.client-id=civicgraph-portal", "civicgraph.portal.oidc.scope=openid profile email"})
class PortalConfigWithOpenIdConnectTest {

    @LocalServerPort
    int port;

    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}")
    String acceptedIssuer;

    @Test
    void thePortalIsToldTheProviderAndClientAndTheDevelopmentSignInIsOff() throws Exception {
        DocumentContext config = PortalConfig.read(port);

        assertThat(config.<Map<String, Object>>read("$.oidc")).containsExactly(
                Map.entry("issuer", acceptedIssuer), Map.entry("clientId", "civicgraph-portal"), Map.entry("scope", "openid profile email"));
        assertThat(config.<Boolean>read("$.developmentSignIn")).isFalse();
    }
}
