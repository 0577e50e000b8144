package io.cognita.identity;

import io.cognita.identity.repository.SecurityAuditRepository;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OIDC sign-in against a real HTTP provider run by the test. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
@QuarkusTestResource(OidcProviderResource.class)
class OidcLoginTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    SecurityAuditRepository auditLog;

    @AfterEach
    void normal() {
        OidcProviderResource.mode = OidcProviderResource.Mode.NORMAL;
    }

    @Test
    void aNewUserSignsInWithTheProviderAndIsLinkedTheNextTime() {
        OidcProviderResource.email = Clients.newEmail();
        URI redirect = signInAtProvider();
        var first = callback(redirect).then().statusCode(200).body("data.accessToken", notNullValue())
                .body("data.user.email", equalTo(OidcProviderResource.email)).extract().jsonPath();
        given().auth().oauth2(first.getString("data.accessToken")).when().get("/api/auth/profile").then().statusCode(200)
                .body("data.emailVerified", equalTo(true)).body("data.displayName", equalTo("Olivia Dc"));
        var second = callback(signInAtProvider()).then().statusCode(200).extract().jsonPath();
        assertEquals(first.getString("data.user.userId"), second.getString("data.user.userId"));
    }

    @Test
    void anExistingPasswordAccountIsLinkedByItsEmail() {
        String email = Clients.newEmail();
        String userId = Clients.verifiedUser(mailbox, email).getString("data.user.userId");
        OidcProviderResource.email = email;
        callback(signInAtProvider()).then().statusCode(200).body("data.user.userId", equalTo(userId));
    }

    /**
     * The attack: someone registers the victim's address first (never verified) and keeps a session; the
     * victim later signs in with the provider. The victim must not share the attacker's account.
     */
    @Test
    void anUnverifiedAccountOfTheSameAddressIsTakenOverNotShared() {
        String email = Clients.newEmail();
        Clients.register(email);
        var attacker = Clients.login(email, Clients.PASSWORD);
        String accountId = attacker.getString("data.user.userId");

        OidcProviderResource.email = email;
        var victim = callback(signInAtProvider()).then().statusCode(200).extract().jsonPath();

        assertEquals(accountId, victim.getString("data.user.userId"));
        Clients.json().body("{\"email\":\"" + email + "\",\"password\":\"" + Clients.PASSWORD + "\"}")
                .when().post("/api/auth/login").then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        Clients.json().body("{\"refreshToken\":\"" + attacker.getString("data.refreshToken") + "\"}")
                .when().post("/api/auth/refresh").then().statusCode(401);
        given().auth().oauth2(attacker.getString("data.accessToken")).when().get("/api/auth/profile").then().statusCode(401);
        given().auth().oauth2(victim.getString("data.accessToken")).when().get("/api/auth/profile").then().statusCode(200)
                .body("data.emailVerified", equalTo(true)).body("data.displayName", equalTo("Olivia Dc"));
        var audit = QuarkusTransaction.requiringNew().call(() -> auditLog.of(accountId));
        assertEquals(1, audit.size());
        assertEquals("account.taken-over", audit.get(0).action);
        assertEquals(1, ((Number) audit.get(0).detail.get("sessionsEnded")).intValue());
    }

    @Test
    void aStateWorksOnce() {
        OidcProviderResource.email = Clients.newEmail();
        URI redirect = signInAtProvider();
        callback(redirect).then().statusCode(200);
        callback(redirect).then().statusCode(400).body("code", equalTo("INVALID_STATE"));
        given().queryParam("code", "x").queryParam("state", "never-issued").when().get("/api/auth/callback")
                .then().statusCode(400).body("code", equalTo("INVALID_STATE"));
        given().when().get("/api/auth/callback").then().statusCode(400).body("code", equalTo("INVALID_STATE"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"WRONG_NONCE, 401, INVALID_ID_TOKEN", "WRONG_AUDIENCE, 401, INVALID_ID_TOKEN", "EXPIRED, 401, INVALID_ID_TOKEN",
            "FOREIGN_KEY, 401, INVALID_ID_TOKEN", "UNVERIFIED_EMAIL, 403, EMAIL_NOT_VERIFIED"})
    void aBadIdTokenIsRefused(OidcProviderResource.Mode mode, int status, String code) {
        OidcProviderResource.email = Clients.newEmail();
        OidcProviderResource.mode = mode;
        callback(signInAtProvider()).then().statusCode(status).body("code", equalTo(code));
    }

    @Test
    void aProviderErrorOrUnknownProvider() {
        URI authorize = URI.create(given().redirects().follow(false).when().get("/api/auth/oidc/test/authorize")
                .then().statusCode(302).extract().header("Location"));
        String state = query(authorize, "state");
        given().queryParam("error", "access_denied").queryParam("state", state).when().get("/api/auth/callback")
                .then().statusCode(400).body("code", equalTo("OIDC_ERROR"));
        given().redirects().follow(false).when().get("/api/auth/oidc/nope/authorize")
                .then().statusCode(404).body("code", equalTo("OIDC_PROVIDER_NOT_FOUND"));
    }

    /** Starts at identity, follows to the provider, which redirects back with a code. */
    private static URI signInAtProvider() {
        String toProvider = given().redirects().follow(false).when().get("/api/auth/oidc/test/authorize")
                .then().statusCode(302).extract().header("Location");
        URI authorize = URI.create(toProvider);
        assertTrue(toProvider.startsWith(OidcProviderResource.issuer + "/auth?"));
        assertEquals("S256", query(authorize, "code_challenge_method"));
        assertEquals(OidcProviderResource.CLIENT_ID, query(authorize, "client_id"));
        String back = given().urlEncodingEnabled(false).redirects().follow(false).when().get(toProvider).then().statusCode(302).extract().header("Location");
        return URI.create(back);
    }

    private static Response callback(URI redirect) {
        Response r = given().queryParam("code", query(redirect, "code")).queryParam("state", query(redirect, "state"))
                .when().get("/api/auth/callback");
        return r;
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
