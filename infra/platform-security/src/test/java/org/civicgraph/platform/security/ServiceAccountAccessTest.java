package org.civicgraph.platform.security;

import org.civicgraph.local.DevTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A service account acts for its organisation under the same rules as a user, within its own rate. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civicgraph.security.client-rate-limit.requests-per-second=0.5",
        "civicgraph.security.client-rate-limit.burst=3",
        "civicgraph.security.client-rate-limit.clients.generous-system=1000"})
class ServiceAccountAccessTest {

    private static final DevTokenIssuer issuer = DevTokenIssuer.start(0);
    private static final DevTokenIssuer.ServiceAccount BOSTON_SYSTEM =
            new DevTokenIssuer.ServiceAccount("boston-housing-system", "secret", "boston-bc", List.of("editor"));
    private static final DevTokenIssuer.ServiceAccount LINCOLN_SYSTEM =
            new DevTokenIssuer.ServiceAccount("lincoln-system", "secret", "lincoln-cc", List.of("editor"));
    private static final DevTokenIssuer.ServiceAccount GENEROUS =
            new DevTokenIssuer.ServiceAccount("generous-system", "secret", "boston-bc", List.of("viewer"));

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuerUri);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void aServiceAccountIsACallerOfItsOrganisationWithItsRolesAndClientId() throws Exception {
        HttpResponse<String> response = get(issuer.mintFor(GENEROUS));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("client:generous-system|boston-bc|[VIEWER]|generous-system|canEditBoston=false");
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterWhileOthersGoOn() throws Exception {
        String boston = issuer.mintFor(BOSTON_SYSTEM);

        List<Integer> statuses = IntStream.range(0, 4).mapToObj(i -> get(boston).statusCode()).toList();
        HttpResponse<String> refused = get(boston);
        HttpResponse<String> otherClient = get(issuer.mintFor(LINCOLN_SYSTEM));
        HttpResponse<String> user = get(issuer.mint("alice", "boston-bc", List.of("editor"), Duration.ofMinutes(5)));

        assertThat(statuses).containsExactly(200, 200, 200, 429);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 2L));
        assertThat(refused.body()).contains("\"code\":\"RATE_LIMITED\"").contains("boston-housing-system");
        assertThat(otherClient.statusCode()).isEqualTo(200);
        assertThat(user.statusCode()).as("users signed in through the portal are not limited per client").isEqualTo(200);
    }

    @Test
    void aClientGivenItsOwnRateIsHeldToThatRate() {
        String generous = issuer.mintFor(GENEROUS);

        assertThat(IntStream.range(0, 20).map(i -> get(generous).statusCode())).containsOnly(200);
    }

    private HttpResponse<String> get(String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class WhoAmI {

        @GetMapping("/whoami")
        String whoAmI() {
            Caller caller = Caller.current();
            return caller.subject() + "|" + caller.organisation() + "|" + caller.roles() + "|" + caller.clientId()
                    + "|canEditBoston=" + RecordAccess.canEdit(caller, "boston-bc");
        }
    }
}
