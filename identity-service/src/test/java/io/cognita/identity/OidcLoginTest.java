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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
        Pending pending = signInAtProvider();
        var first = signIn(pending).then().statusCode(200).body("data.accessToken", notNullValue())
                .body("data.user.email", equalTo(OidcProviderResource.email)).extract().jsonPath();
        given().auth().oauth2(first.getString("data.accessToken")).when().get("/api/auth/profile").then().statusCode(200)
                .body("data.emailVerified", equalTo(true)).body("data.displayName", equalTo("Olivia Dc"));
        var second = signIn(signInAtProvider()).then().statusCode(200).extract().jsonPath();
        assertEquals(first.getString("data.user.userId"), second.getString("data.user.userId"));
    }

    @Test
    void anExistingPasswordAccountIsLinkedByItsEmail() {
        String email = Clients.newEmail();
        String userId = Clients.verifiedUser(mailbox, email).getString("data.user.userId");
        OidcProviderResource.email = email;
        signIn(signInAtProvider()).then().statusCode(200).body("data.user.userId", equalTo(userId));
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
        var victim = signIn(signInAtProvider()).then().statusCode(200).extract().jsonPath();

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

    /** Login CSRF: a sign-in started in one browser cannot be completed in another. */
    @Test
    void theCallbackAndTheExchangeBelongToTheBrowserThatStarted() {
        OidcProviderResource.email = Clients.newEmail();
        Pending pending = signInAtProvider();
        callback(new Pending(pending.redirect(), null)).then().statusCode(400).body("code", equalTo("INVALID_STATE"));
        callback(new Pending(pending.redirect(), "another-browser")).then().statusCode(400).body("code", equalTo("INVALID_STATE"));

        Pending second = signInAtProvider();
        String signedIn = callback(second).then().statusCode(302).extract().header("Location");
        assertFalse(signedIn.contains("accessToken") || signedIn.contains("eyJ"), "no token in a URL");
        String code = query(URI.create(signedIn), "code");
        given().contentType("application/json").cookie("cognita_oidc", "another-browser").body("{\"code\":\"" + code + "\"}")
                .when().post("/api/auth/oidc/exchange").then().statusCode(400).body("code", equalTo("INVALID_LOGIN_CODE"));
        given().contentType("application/json").cookie("cognita_oidc", second.cookie()).body("{\"code\":\"" + code + "\"}")
                .when().post("/api/auth/oidc/exchange").then().statusCode(200).header("Cache-Control", "no-store")
                .body("data.accessToken", notNullValue());
        given().contentType("application/json").cookie("cognita_oidc", second.cookie()).body("{\"code\":\"" + code + "\"}")
                .when().post("/api/auth/oidc/exchange").then().statusCode(400).body("code", equalTo("INVALID_LOGIN_CODE"));
    }

    @Test
    void aStateWorksOnce() {
        OidcProviderResource.email = Clients.newEmail();
        Pending pending = signInAtProvider();
        signIn(pending).then().statusCode(200);
        callback(pending).then().statusCode(400).body("code", equalTo("INVALID_STATE"));
        given().queryParam("code", "x").queryParam("state", "never-issued").cookie("cognita_oidc", pending.cookie())
                .when().get("/api/auth/callback")
                .then().statusCode(400).body("code", equalTo("INVALID_STATE"));
        given().when().get("/api/auth/callback").then().statusCode(400).body("code", equalTo("INVALID_STATE"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"WRONG_NONCE, 401, INVALID_ID_TOKEN", "WRONG_AUDIENCE, 401, INVALID_ID_TOKEN", "EXPIRED, 401, INVALID_ID_TOKEN",
            "FOREIGN_KEY, 401, INVALID_ID_TOKEN", "UNVERIFIED_EMAIL, 403, EMAIL_NOT_VERIFIED"})
    void aBadIdTokenIsRefused(OidcProviderResource.Mode mode, int status, String code) {
        OidcProviderResource.email = Clients.newEmail();
        OidcProviderResource.mode = mode;
        signIn(signInAtProvider()).then().statusCode(status).body("code", equalTo(code));
    }

    @Test
    void aProviderErrorOrUnknownProvider() {
        Response started = given().redirects().follow(false).when().get("/api/auth/oidc/test/authorize");
        String state = query(URI.create(started.header("Location")), "state");
        given().queryParam("error", "access_denied").queryParam("state", state).cookie("cognita_oidc", started.getCookie("cognita_oidc"))
                .when().get("/api/auth/callback")
                .then().statusCode(400).body("code", equalTo("OIDC_ERROR"));
        given().redirects().follow(false).when().get("/api/auth/oidc/nope/authorize")
                .then().statusCode(404).body("code", equalTo("OIDC_PROVIDER_NOT_FOUND"));
    }

    /** A sign-in in one browser: the provider's redirect back, and the binding cookie identity set. */
    record Pending(URI redirect, String cookie) {
    }

    /** Starts at identity, follows to the provider, which redirects back with a code. */
    private static Pending signInAtProvider() {
        Response authorize = given().redirects().follow(false).when().get("/api/auth/oidc/test/authorize");
        authorize.then().statusCode(302);
        String toProvider = authorize.header("Location");
        String cookie = authorize.getCookie("cognita_oidc");
        assertNotNull(cookie, "binding cookie");
        assertTrue(authorize.getDetailedCookie("cognita_oidc").isHttpOnly());
        URI authorizeUri = URI.create(toProvider);
        assertTrue(toProvider.startsWith(OidcProviderResource.issuer + "/auth?"));
        assertEquals("S256", query(authorizeUri, "code_challenge_method"));
        assertEquals(OidcProviderResource.CLIENT_ID, query(authorizeUri, "client_id"));
        String back = given().urlEncodingEnabled(false).redirects().follow(false).when().get(toProvider).then().statusCode(302).extract().header("Location");
        return new Pending(URI.create(back), cookie);
    }

    /** The provider's redirect, in the same browser: 302 to the web client's page with a login code. */
    private static Response callback(Pending pending) {
        var request = given().redirects().follow(false)
                .queryParam("code", query(pending.redirect(), "code")).queryParam("state", query(pending.redirect(), "state"));
        if (pending.cookie() != null) {
            request.cookie("cognita_oidc", pending.cookie());
        }
        return request.when().get("/api/auth/callback");
    }

    /** The whole browser flow: callback, then the web client posts the login code; returns the exchange's response. */
    private static Response signIn(Pending pending) {
        Response callback = callback(pending);
        if (callback.statusCode() != 302) {
            return callback;
        }
        String signedIn = callback.header("Location");
        assertTrue(signedIn.startsWith("http://localhost:3000/signed-in?code="), signedIn);
        String code = query(URI.create(signedIn), "code");
        Response exchange = given().contentType("application/json").cookie("cognita_oidc", pending.cookie())
                .body("{\"code\":\"" + code + "\"}").when().post("/api/auth/oidc/exchange");
        if (exchange.statusCode() == 200) {
            assertEquals("no-store", exchange.header("Cache-Control"));
        }
        return exchange;
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
