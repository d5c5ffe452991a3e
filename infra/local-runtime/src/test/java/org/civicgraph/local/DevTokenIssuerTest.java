package org.civicgraph.local;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DevTokenIssuerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tokensFromTheTokenEndpointVerifyAgainstThePublishedKeys() throws Exception {
        try (DevTokenIssuer issuer = DevTokenIssuer.start(0)) {
            String tokenJson = get(issuer.issuerUri() + "/token?organisation=boston-bc&roles=editor,viewer&subject=alice");
            String token = tokenJson.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

            SignedJWT jwt = SignedJWT.parse(token);
            RSAKey published = (RSAKey) JWKSet.parse(get(issuer.jwkSetUri())).getKeys().get(0);

            assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuerUri());
            assertThat(jwt.getJWTClaimsSet().getStringClaim("org")).isEqualTo("boston-bc");
            assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("editor", "viewer");
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        }
    }

    @Test
    void discoveryDocumentNamesTheIssuerAndKeys() throws Exception {
        try (DevTokenIssuer issuer = DevTokenIssuer.start(0)) {
            String discovery = get(issuer.issuerUri() + "/.well-known/openid-configuration");
            assertThat(discovery).contains("\"issuer\":\"" + issuer.issuerUri() + "\"")
                    .contains("\"jwks_uri\":\"" + issuer.jwkSetUri() + "\"");
        }
    }

    @Test
    void aTokenWithoutAnOrganisationIsRefused() throws Exception {
        try (DevTokenIssuer issuer = DevTokenIssuer.start(0)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer.issuerUri() + "/token")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("organisation is required");
        }
    }

    @Test
    void mintedTokensCarryTheirLifetime() throws Exception {
        try (DevTokenIssuer issuer = DevTokenIssuer.start(0)) {
            SignedJWT jwt = SignedJWT.parse(issuer.mint("bob", "lincolnshire-cc", List.of("admin"), Duration.ofMinutes(5)));
            long seconds = (jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime()) / 1000;
            assertThat(seconds).isEqualTo(300);
        }
    }

    private String get(String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
