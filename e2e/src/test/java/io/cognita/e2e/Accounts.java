package io.cognita.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** People and orgs made through the gateway as clients make them: register, verify by mail, sign in, join an org. */
final class Accounts {

    static final String API = Suite.GATEWAY + "/api";
    static final Duration WITHIN = Duration.ofSeconds(20);

    private final Suite suite;
    final String systemAdmin;

    Accounts(Suite suite) {
        this.suite = suite;
        this.systemAdmin = login(suite.adminEmail, suite.adminPassword).then().statusCode(200).extract().path("data.accessToken");
    }

    /** Registers the address, follows the verification link, signs in: the access token. */
    String registerAndVerify(String email) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password(email), "displayName", email))
                .when().post(API + "/auth/register").then().statusCode(202);
        String token = awaitMail(email, "Confirm");
        given().contentType(ContentType.JSON).body(Map.of("token", token))
                .when().post(API + "/auth/verify-email").then().statusCode(200);
        return login(email, password(email)).then().statusCode(200).extract().path("data.accessToken");
    }

    /** The token mailed to {@code email}; when none comes, the failure quotes what identity-service logged of its mails. */
    private String awaitMail(String email, String subjectPart) {
        try {
            return suite.mailbox.awaitToken(email, subjectPart, WITHIN);
        } catch (AssertionError noMail) {
            try (Stream<String> lines = Files.lines(Suite.logOf("identity-service"))) {
                List<String> mailLines = lines.filter(line -> line.contains("mail") || line.contains("SMTP")).toList();
                throw new AssertionError(noMail.getMessage() + "; identity-service logged of mails:\n"
                        + String.join("\n", mailLines.subList(Math.max(0, mailLines.size() - 20), mailLines.size())), noMail);
            } catch (IOException unreadable) {
                noMail.addSuppressed(unreadable);
                throw noMail;
            }
        }
    }

    /** Invites the address, which then registers and verifies it: it is a member once org-service heard of it. */
    String joinByInvitation(String orgId, String email, String role) {
        given().auth().oauth2(systemAdmin).contentType(ContentType.JSON).body(Map.of("email", email, "role", role))
                .when().post(API + "/orgs/" + orgId + "/members").then().statusCode(202);
        String access = registerAndVerify(email);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(access).when().get(API + "/orgs/" + orgId).then().statusCode(200));
        assertEquals(role, given().auth().oauth2(systemAdmin).when().get(API + "/orgs/" + orgId + "/members").then()
                .extract().path("data.find { it.email == '" + email + "' }.role"));
        return access;
    }

    /** The user id of a member, from the org's member list. */
    String userId(String orgId, String email) {
        return given().auth().oauth2(systemAdmin).when().get(API + "/orgs/" + orgId + "/members").then()
                .extract().path("data.find { it.email == '" + email + "' }.userId");
    }

    String createOrg() {
        String body = "{\"name\":\"E2E " + UUID.randomUUID() + "\",\"orgType\":\"education\"}";
        return given().auth().oauth2(systemAdmin).contentType(ContentType.JSON).body(body)
                .when().post(API + "/orgs").then().statusCode(200).extract().path("data.orgId");
    }

    static Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post(API + "/auth/login");
    }

    static String address(String name) {
        return name + "-" + UUID.randomUUID() + "@school.test";
    }

    static String password(String email) {
        return "passphrase of " + email;
    }
}
