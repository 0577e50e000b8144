package io.cognita.gateway;

import io.cognita.gateway.routing.RouteTable;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(UpstreamsResource.class)
class GatewayTest {

    @Inject
    RouteTable routes;

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "POST, /api/auth/login, identity",
            "GET, /api/auth/.well-known/jwks.json, identity",
            "POST, /api/orgs/, org",
            "PUT, /api/orgs/1/update, org",
            "GET, /api/orgs/1/workspaces, workspace",
            "GET, /api/config/feature-flags, org",
            "GET, /api/workspaces/1/meetings, meeting",
            "POST, /api/workspaces/1/meetings, workspace",
            "GET, /api/meetings/1/transcripts, transcription",
            "GET, /api/meetings/1, meeting",
            "GET, /api/transcripts/1/segments, transcription",
            "GET, /api/transcription/live, transcription",
    })
    void theContractsRoutes(String method, String path, String service) {
        assertEquals(service, routes.find(method, path).orElseThrow().service());
    }

    @Test
    void aRequestIsPassedOnWithItsTokenAndRequestId() {
        String token = TestTokens.systemAdmin();
        given().auth().oauth2(token).header("X-Request-ID", "edge-test-1")
                .when().get("/api/orgs/abc")
                .then().statusCode(200)
                .header("X-Request-ID", "edge-test-1")
                .body("path", equalTo("/api/orgs/abc"))
                .body("authorization", equalTo("Bearer " + token))
                .body("requestId", equalTo("edge-test-1"));
        given().auth().oauth2(token).header("X-Request-ID", "bad id with spaces")
                .when().get("/api/orgs/abc")
                .then().statusCode(200).header("X-Request-ID", matchesPattern("[0-9a-f-]{36}"));
    }

    /** The gateway is the edge: a client's own X-Forwarded-For is replaced by the address the gateway saw. */
    @Test
    void aClaimedClientAddressIsReplacedByTheRealOne() {
        given().header("X-Forwarded-For", "203.0.113.7").contentType("application/json").body("{}")
                .when().post("/api/auth/login").then().statusCode(200).body("forwardedFor", equalTo("127.0.0.1"));
    }

    /** Found by review: the gateway's meters were tagged with raw paths (a series per id, up to Quarkus's cap of 100). */
    @Test
    void theHttpMetersAreTaggedWithTheRoutesPatternNotTheRawPath() {
        String id = java.util.UUID.randomUUID().toString();
        given().when().get("/api/orgs/" + id).then().statusCode(401);
        given().when().get("/api/no-such-thing/" + id).then().statusCode(404);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(metrics, org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(id)));
        org.hamcrest.MatcherAssert.assertThat(metrics, org.hamcrest.Matchers.containsString("uri=\"/api/{unrouted}\""));
    }

    /** Found by review: the raw path matched a public route while the service resolved the dot segments. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/oidc/%2e%2e/%2e%2e/internal/revoked-sessions", "/api/auth/oidc/../../internal/revoked-sessions",
            "/api/auth/oidc/%2E%2E/login", "/api/auth/login/.", "/api/auth/oidc/x%2F..%2F..%2Finternal/revoked-sessions"})
    void aPathWithDotSegmentsIsRefused(String path) {
        given().urlEncodingEnabled(false).when().get(path).then().statusCode(400).body("code", equalTo("INVALID_PATH"));
    }

    @Test
    void aClaimedForwardedHostIsNotPassedOn() {
        given().header("X-Forwarded-Host", "evil.example").contentType("application/json").body("{}")
                .when().post("/api/auth/login").then().statusCode(200).body("forwardedHost", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aClientExpectingContinueHearsItOnceAdmitted() throws Exception {
        java.net.URI base = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nExpect: 100-continue\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] first = new byte[25];
            int n = socket.getInputStream().read(first);
            org.junit.jupiter.api.Assertions.assertTrue(new String(first, 0, n).startsWith("HTTP/1.1 100"),
                    "no 100 Continue before the body: " + new String(first, 0, n));
        }
    }

    @Test
    void anOverlongRequestTargetIsAnsweredNotCutOff() {
        String segment = "a".repeat(5000);
        given().contentType(ContentType.JSON).body("{}").when()
                .put("/api/meetings/" + segment + "/recordings/" + segment + "/parts/" + segment)
                .then().statusCode(414).body("code", equalTo("URI_TOO_LONG"));
    }

    @Test
    void publicRoutesNeedNoToken() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/auth/login")
                .then().statusCode(200).body("path", equalTo("/api/auth/login"));
    }

    @Test
    void bodiesStreamThroughUnchanged() throws Exception {
        byte[] body = new byte[512 * 1024];
        new Random(7).nextBytes(body);
        given().auth().oauth2(TestTokens.systemAdmin()).contentType("application/octet-stream").body(body)
                .when().put("/api/orgs/upload")
                .then().statusCode(200)
                .body("bodyLength", equalTo(body.length))
                .body("bodySha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))));
    }

    @Test
    void noRouteIsA404Problem() {
        given().when().get("/api/nothing/here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND")).body("requestId", notNullValue());
    }

    @Test
    void anOversizeBodyIs413() {
        given().auth().oauth2(TestTokens.systemAdmin()).contentType("application/octet-stream")
                .body(new byte[1024 * 1024 + 1])
                .when().put("/api/orgs/upload")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("errors[0].field", equalTo("$"));
    }

    @Test
    void aDownServiceIs503AndASlowOne504() {
        given().auth().oauth2(TestTokens.systemAdmin()).when().get("/api/meetings/1")
                .then().statusCode(503).contentType("application/problem+json").body("code", equalTo("SERVICE_UNAVAILABLE"));
        given().auth().oauth2(TestTokens.systemAdmin()).when().get("/api/orgs/slow")
                .then().statusCode(504).contentType("application/problem+json").body("code", equalTo("UPSTREAM_TIMEOUT"));
    }

    @Test
    void orgCreationIsLimitedToTenAMinutePerToken() {
        String token = TestTokens.withScope("prov-" + java.util.UUID.randomUUID(), "org:provision");
        for (int i = 1; i <= 10; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").when().post("/api/orgs")
                    .then().statusCode(200)
                    .header("RateLimit-Policy", "\"org-create\";q=10;w=60")
                    .header("RateLimit", startsWith("\"org-create\";r=" + (10 - i) + ";t="));
        }
        Response limited = given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").when().post("/api/orgs/");
        limited.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // another token is not affected, nor are reads of the same token
        given().auth().oauth2(TestTokens.systemAdmin()).contentType(ContentType.JSON).body("{}").when().post("/api/orgs")
                .then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/orgs").then().statusCode(200);
    }

    @Test
    void forgedAndInvalidTokensAre401() throws Exception {
        assertUnauthorized(null);
        assertUnauthorized("Basic dXNlcjpwYXNz");
        assertUnauthorized("Bearer not.a.jwt");
        assertUnauthorized("Bearer " + TestTokens.sign(TestTokens.base("u-1").expiresAt(java.time.Instant.now().minusSeconds(60).getEpochSecond())));
        assertUnauthorized("Bearer " + TestTokens.sign(TestTokens.base("u-1").issuer("https://evil.example")));
        assertUnauthorized("Bearer " + TestTokens.sign(TestTokens.base("u-1").audience("someone-else")));
        var otherKeys = KeyPairGenerator.getInstance("RSA");
        otherKeys.initialize(2048);
        assertUnauthorized("Bearer " + TestTokens.base("u-1").jws().keyId(TestTokens.KID).sign(otherKeys.generateKeyPair().getPrivate()));
        assertUnauthorized("Bearer " + TestTokens.base("u-1").jws().keyId("unknown-kid").sign(otherKeys.generateKeyPair().getPrivate()));
        String valid = TestTokens.systemAdmin();
        String[] parts = valid.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertUnauthorized("Bearer " + none + "." + parts[1] + ".");
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"u-", "\"u-0").getBytes(StandardCharsets.UTF_8));
        assertUnauthorized("Bearer " + parts[0] + "." + tampered + "." + parts[2]);
        String hs256 = Jwt.claims().issuer(TestTokens.ISSUER).audience(Set.of(TestTokens.AUDIENCE)).subject("u-1")
                .jws().keyId(TestTokens.KID).signWithSecret(Base64.getEncoder().encodeToString(TestTokens.keys().getPublic().getEncoded()));
        assertUnauthorized("Bearer " + hs256);
    }

    @Test
    void theMergedOpenApiAndTheDocs() {
        given().when().get("/api/openapi").then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo("Cognita API"));
        given().when().get("/api/docs/").then().statusCode(200);
    }

    private static void assertUnauthorized(String authorization) {
        var request = given();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.when().get("/api/orgs/x").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHORIZED")).header("WWW-Authenticate", "Bearer");
    }
}
