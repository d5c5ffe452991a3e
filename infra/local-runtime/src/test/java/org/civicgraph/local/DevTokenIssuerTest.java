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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
    void aServiceAccountGetsATokenOfItsOrganisationWithTheClientCredentialsGrant() throws Exception {
        try (DevTokenIssuer issuer = DevTokenIssuer.start(0)) {
            issuer.register(new DevTokenIssuer.ServiceAccount("boston-housing-system", "s3cret", "boston-bc", List.of("editor")));

            HttpResponse<String> inForm = post(issuer, "grant_type=client_credentials&client_id=boston-housing-system&client_secret=s3cret", null);
            HttpResponse<String> byBasic = post(issuer, "grant_type=client_credentials",
                    "Basic " + Base64.getEncoder().encodeToString("boston-housing-system:s3cret".getBytes(StandardCharsets.UTF_8)));

            assertThat(inForm.statusCode()).as(inForm.body()).isEqualTo(200);
            assertThat(byBasic.statusCode()).as(byBasic.body()).isEqualTo(200);
            SignedJWT jwt = SignedJWT.parse(inForm.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1"));
            assertThat(jwt.getJWTClaimsSet().getStringClaim("org")).isEqualTo("boston-bc");
            assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("editor");
            assertThat(jwt.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo("boston-housing-system");
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("client:boston-housing-system");
        }
    }

    @Test
    void theDemoServiceAccountsAreKnownFromTheStart() throws Exception {
        try (DevTokenIssuer issuer = DevTokenIssuer.start(0)) {
            HttpResponse<String> response = post(issuer, "grant_type=client_credentials",
                    "Basic " + Base64.getEncoder().encodeToString("boston-bc-housing-system:dev-secret-boston".getBytes(StandardCharsets.UTF_8)));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            SignedJWT jwt = SignedJWT.parse(response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1"));
            assertThat(jwt.getJWTClaimsSet().getStringClaim("org")).isEqualTo("boston-bc");
            assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("editor");
        }
    }

    @Test
    void aWrongSecretOrAnotherGrantIsRefusedAsOAuthSays() throws Exception {
        try (DevTokenIssuer issuer = DevTokenIssuer.start(0)) {
            issuer.register(new DevTokenIssuer.ServiceAccount("boston-housing-system", "s3cret", "boston-bc", List.of("editor")));

            HttpResponse<String> wrongSecret = post(issuer, "grant_type=client_credentials&client_id=boston-housing-system&client_secret=guess", null);
            HttpResponse<String> unknown = post(issuer, "grant_type=client_credentials&client_id=nobody&client_secret=s3cret", null);
            HttpResponse<String> password = post(issuer, "grant_type=password&username=a&password=b", null);

            assertThat(wrongSecret.statusCode()).isEqualTo(401);
            assertThat(wrongSecret.body()).contains("invalid_client");
            assertThat(unknown.statusCode()).isEqualTo(401);
            assertThat(password.statusCode()).isEqualTo(400);
            assertThat(password.body()).contains("unsupported_grant_type");
        }
    }

    private HttpResponse<String> post(DevTokenIssuer issuer, String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer.issuerUri() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
