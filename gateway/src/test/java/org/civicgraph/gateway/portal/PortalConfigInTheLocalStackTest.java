package org.civicgraph.gateway.portal;

import com.jayway.jsonpath.DocumentContext;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** As the local stack runs the gateway: the development sign-in, and no OpenID Connect client. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.portal.development-sign-in=true")
class PortalConfigInTheLocalStackTest {

    @LocalServerPort
    int port;

    @Test
    void onlyTheDevelopmentSignInIsOffered() throws Exception {
        DocumentContext config = PortalConfig.read(port);

        assertThat(config.<Boolean>read("$.developmentSignIn")).isTrue();
        assertThat(config.<Object>read("$.oidc")).isNull();
    }
}
