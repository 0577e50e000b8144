package io.cognita.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.identity.domain.Session;
import io.cognita.identity.domain.User;
import io.cognita.identity.domain.RefreshToken;
import io.cognita.identity.repository.RefreshTokenRepository;
import io.cognita.identity.repository.SessionRepository;
import io.cognita.identity.repository.UserRepository;
import io.cognita.identity.service.TokenIssuer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class AuthResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    JWTParser parser;

    @Inject
    UserRepository users;

    @Inject
    SessionRepository sessions;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Test
    void theBootstrapAdminSignsInAndGetsAVerifiableToken() throws Exception {
        var body = given().contentType(ContentType.JSON).header("X-Forwarded-For", Clients.newAddress())
                .body("{\"email\":\"root@cognita.test\",\"password\":\"" + IdentityTestResource.ADMIN_PASSWORD + "\","
                        + "\"device\":{\"userAgent\":\"tests\",\"platform\":\"linux\",\"deviceName\":\"ci\"}}")
                .when().post("/api/auth/login")
                .then().statusCode(200)
                .body("status", equalTo("ok"))
                .body("data.tokenType", equalTo("Bearer"))
                .body("data.expiresIn", is(900))
                .body("data.user.email", equalTo("root@cognita.test"))
                .body("data.refreshToken", notNullValue())
                .extract().jsonPath();
        String accessToken = body.getString("data.accessToken");

        JsonWebToken token = parser.parse(accessToken);
        assertEquals("https://cognita.dev/identity", token.getIssuer());
        assertTrue(token.getAudience().contains("cognita-api"));
        assertTrue(token.getGroups().contains("system:admin"));
        assertEquals(body.getString("data.user.userId"), token.getSubject());
        assertTrue(token.getSubject().startsWith("u-"));
        assertTrue(token.getClaim("scope").toString().contains("org:write"));
        assertEquals(900, token.getExpirationTime() - token.getIssuedAtTime());

        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(accessToken.substring(0, accessToken.indexOf('.'))));
        assertEquals("RS256", header.get("alg").asText());
        String kid = header.get("kid").asText();
        given().when().get("/api/auth/.well-known/jwks.json")
                .then().statusCode(200)
                .body("keys.kid", hasItem(kid))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].d", org.hamcrest.Matchers.nullValue());

        UUID sid = UUID.fromString(token.getClaim("sid").toString());
        Session session = QuarkusTransaction.requiringNew().call(() -> sessions.findById(sid));
        assertEquals("ci", session.deviceName);
        RefreshToken stored = QuarkusTransaction.requiringNew().call(
                () -> refreshTokens.findById(TokenIssuer.hashOf(body.getString("data.refreshToken"))));
        assertEquals(sid, stored.sessionId);
        assertNotEquals(body.getString("data.refreshToken"), stored.tokenHash);
    }

    @Test
    void theAdminIsCreatedOnceWithAHashedPassword() {
        User admin = QuarkusTransaction.requiringNew().call(() -> users.byEmail("root@cognita.test").orElseThrow());
        assertTrue(admin.systemAdmin);
        assertTrue(admin.passwordHash.startsWith("$argon2id$v=19$"), "Argon2id hash");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> users.count("email", "root@cognita.test")));
    }

    @Test
    void signInsAndRevokedSessionsAreCountedInTheMetrics() {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Clients.newAddress())
                .body("{\"email\":\"root@cognita.test\",\"password\":\"not it\"}")
                .when().post("/api/auth/login").then().statusCode(401);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(metrics, org.hamcrest.Matchers.matchesPattern(
                "(?s).*\ncognita_logins_total\\{[^}]*result=\"failure\"[^}]*} [1-9].*"));
        org.hamcrest.MatcherAssert.assertThat(metrics, org.hamcrest.Matchers.containsString("cognita_sessions_revoked_total"));
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountLookTheSame() {
        String wrong = given().contentType(ContentType.JSON).header("X-Forwarded-For", Clients.newAddress())
                .body("{\"email\":\"root@cognita.test\",\"password\":\"not it\"}")
                .when().post("/api/auth/login")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("INVALID_CREDENTIALS")).extract().path("detail");
        String unknown = given().contentType(ContentType.JSON).header("X-Forwarded-For", Clients.newAddress())
                .body("{\"email\":\"nobody@cognita.test\",\"password\":\"not it\"}")
                .when().post("/api/auth/login")
                .then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS")).extract().path("detail");
        assertEquals(wrong, unknown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"email\":\"not-an-email\",\"password\":\"x\"}", "{\"email\":\"a@b.c\"}",
            "{\"email\":\"a@b.c\",\"password\":\"x\",\"extra\":1}", "{\"email\":", "[]"})
    void badLoginBodiesAre400(String body) {
        given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json").body("errors", notNullValue());
    }
}
