package org.civicgraph.gateway.portal;

import com.jayway.jsonpath.DocumentContext;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** An issuer given for the portal (a provider whose browser-facing address differs) is the one the portal is told. */
@PlatformIntegrationTest
@TestPropertySource(properties = {"civicgraph.portal.oidc.client-id=portal", "civicgraph.portal.oidc.issuer=https://login.example.org/lincs/v2.0"})
class PortalConfigWithItsOwnIssuerTest {

    @LocalServerPort
    int port;

    @Test
    void theIssuerGivenIsTheOneThePortalIsTold() throws Exception {
        DocumentContext config = PortalConfig.read(port);

        assertThat(config.<String>read("$.oidc.issuer")).isEqualTo("https://login.example.org/lincs/v2.0");
        assertThat(config.<String>read("$.oidc.scope")).isEqualTo("openid profile");
    }
}
