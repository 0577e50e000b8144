package io.cognita.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.testing.EventTap;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.cognita.identity.Clients.PASSWORD;
import static io.cognita.identity.Clients.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class SessionFlowTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheSession() {
        String email = Clients.newEmail();
        JsonPath first = Clients.verifiedUser(mailbox, email);
        String oldRefresh = first.getString("data.refreshToken");
        JsonPath second = json().body("{\"refreshToken\":\"" + oldRefresh + "\"}").when().post("/api/auth/refresh")
                .then().statusCode(200).extract().jsonPath();
        String newRefresh = second.getString("data.refreshToken");
        assertNotEquals(oldRefresh, newRefresh);
        given().auth().oauth2(second.getString("data.accessToken")).when().get("/api/auth/profile").then().statusCode(200);

        try (EventTap tap = new EventTap("cognita.identity")) {
            json().body("{\"refreshToken\":\"" + oldRefresh + "\"}").when().post("/api/auth/refresh")
                    .then().statusCode(401).body("code", equalTo("REFRESH_TOKEN_REUSED"));
            JsonNode revoked = tap.await(e -> "session.revoked".equals(e.path("type").asText())
                    && e.at("/data/userId").asText().equals(first.getString("data.user.userId")), Duration.ofSeconds(20)).orElseThrow();
            assertEquals("refresh-token-reuse", revoked.at("/data/reason").asText());
        }
        json().body("{\"refreshToken\":\"" + newRefresh + "\"}").when().post("/api/auth/refresh")
                .then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
        given().auth().oauth2(second.getString("data.accessToken")).when().get("/api/auth/profile").then().statusCode(401);
        json().body("{\"refreshToken\":\"never-issued\"}").when().post("/api/auth/refresh")
                .then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
        json().body("{}").when().post("/api/auth/refresh").then().statusCode(400);
    }

    /** The session records the address the server saw (from the trusted gateway), never the one in the body. */
    @Test
    void aSessionsAddressIsTheOneTheServerSaw() {
        String email = Clients.newEmail();
        JsonPath user = Clients.verifiedUser(mailbox, email);
        given().contentType("application/json").header("X-Forwarded-For", "10.250.1.2")
                .body("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"device\":{\"ip\":\"6.6.6.6\"}}")
                .when().post("/api/auth/login").then().statusCode(200);
        given().auth().oauth2(user.getString("data.accessToken")).when().get("/api/auth/sessions").then().statusCode(200)
                .body("data.device.ip", hasItem("10.250.1.2"))
                .body("data.device.ip", not(hasItem("6.6.6.6")));
    }

    @Test
    void theProfileListsTheOrgsTheUserBelongsTo() {
        var user = Clients.verifiedUser(mailbox, Clients.newEmail());
        String userId = user.getString("data.user.userId");
        String access = user.getString("data.accessToken");
        given().auth().oauth2(access).when().get("/api/auth/profile").then().statusCode(200).body("data.memberships", hasSize(0));
        String orgId = UUID.randomUUID().toString();
        io.cognita.platform.testing.TestEvents.publish("cognita.org", orgId, "org.member-added", orgId,
                "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + userId + "\",\"role\":\"admin\"}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(access).when().get("/api/auth/profile").then().statusCode(200)
                        .body("data.memberships.orgId", hasItem(orgId)).body("data.memberships.role", hasItem("admin")));
        io.cognita.platform.testing.TestEvents.publish("cognita.org", orgId, "org.member-removed", orgId,
                "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + userId + "\"}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(access).when().get("/api/auth/profile").then().body("data.memberships", hasSize(0)));
    }

    @Test
    void theProfileListsOpenInvitationsToTheUsersAddressUntilTheyJoin() {
        String email = Clients.newEmail();
        var user = Clients.verifiedUser(mailbox, email);
        String userId = user.getString("data.user.userId");
        String access = user.getString("data.accessToken");
        String orgId = UUID.randomUUID().toString();
        String invitationId = UUID.randomUUID().toString();
        io.cognita.platform.testing.TestEvents.publish("cognita.org", orgId, "org.member-invited", orgId,
                "{\"invitationId\":\"" + invitationId + "\",\"orgId\":\"" + orgId + "\",\"orgName\":\"Acme\",\"email\":\""
                        + email + "\",\"role\":\"admin\",\"expiresAt\":\"" + java.time.Instant.now().plusSeconds(3600) + "\"}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(access).when().get("/api/auth/profile").then().statusCode(200)
                        .body("data.pendingInvitations.invitationId", hasItem(invitationId))
                        .body("data.pendingInvitations.orgName", hasItem("Acme")));
        // a revoked invitation leaves the profile
        String revoked = UUID.randomUUID().toString();
        io.cognita.platform.testing.TestEvents.publish("cognita.org", orgId, "org.member-invited", orgId,
                "{\"invitationId\":\"" + revoked + "\",\"orgId\":\"" + orgId + "\",\"orgName\":\"Acme\",\"email\":\""
                        + email + "\",\"role\":\"member\",\"expiresAt\":\"" + java.time.Instant.now().plusSeconds(3600) + "\"}");
        io.cognita.platform.testing.TestEvents.publish("cognita.org", orgId, "org.invitation-revoked", orgId,
                "{\"invitationId\":\"" + revoked + "\",\"orgId\":\"" + orgId + "\",\"email\":\"" + email + "\"}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(access).when().get("/api/auth/profile").then()
                        .body("data.pendingInvitations.invitationId", hasItem(invitationId))
                        .body("data.pendingInvitations.invitationId", not(hasItem(revoked))));
        io.cognita.platform.testing.TestEvents.publish("cognita.org", orgId, "org.member-added", orgId,
                "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + userId + "\",\"role\":\"admin\"}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(access).when().get("/api/auth/profile").then()
                        .body("data.pendingInvitations", hasSize(0)).body("data.memberships.orgId", hasItem(orgId)));
    }

    @Test
    void oneSessionIsReadByItsOwnerOnly() {
        String email = Clients.newEmail();
        String access = Clients.verifiedUser(mailbox, email).getString("data.accessToken");
        String other = Clients.verifiedUser(mailbox, Clients.newEmail()).getString("data.accessToken");
        String sid = given().auth().oauth2(access).when().get("/api/auth/sessions").then().extract().path("data[0].sessionId");
        given().auth().oauth2(access).when().get("/api/auth/sessions/" + sid).then().statusCode(200)
                .body("data.sessionId", equalTo(sid)).body("data.current", equalTo(true));
        given().auth().oauth2(other).when().get("/api/auth/sessions/" + sid).then().statusCode(404)
                .body("code", equalTo("SESSION_NOT_FOUND"));
        given().auth().oauth2(access).when().get("/api/auth/sessions/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(access).when().get("/api/auth/sessions/not-a-uuid").then().statusCode(400);
        given().when().get("/api/auth/sessions/" + sid).then().statusCode(401);
    }

    @Test
    void sessionsAreListedRevokedAndLoggedOut() {
        String email = Clients.newEmail();
        JsonPath laptop = Clients.verifiedUser(mailbox, email);
        JsonPath phone = json().body("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\","
                        + "\"device\":{\"userAgent\":\"CognitaApp/1.0\",\"platform\":\"ios\",\"deviceName\":\"Ada's phone\"}}")
                .when().post("/api/auth/login").then().statusCode(200).extract().jsonPath();
        String laptopToken = laptop.getString("data.accessToken");
        String phoneToken = phone.getString("data.accessToken");

        given().auth().oauth2(laptopToken).when().get("/api/auth/sessions").then().statusCode(200)
                .body("data", hasSize(2))
                .body("data.device.deviceName", hasItem("Ada's phone"))
                .body("data.findAll { it.current }", hasSize(1));
        String phoneSession = given().auth().oauth2(phoneToken).when().get("/api/auth/sessions").then()
                .extract().path("data.find { it.current }.sessionId");

        given().auth().oauth2(laptopToken).when().delete("/api/auth/sessions/" + phoneSession).then().statusCode(200);
        given().auth().oauth2(phoneToken).when().get("/api/auth/profile").then().statusCode(401);
        given().auth().oauth2(laptopToken).when().delete("/api/auth/sessions/" + phoneSession)
                .then().statusCode(404).body("code", equalTo("SESSION_NOT_FOUND"));
        given().auth().oauth2(laptopToken).when().delete("/api/auth/sessions/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(laptopToken).when().delete("/api/auth/sessions/nope").then().statusCode(400);

        // another user's session is not found either
        JsonPath other = Clients.verifiedUser(mailbox, Clients.newEmail());
        String laptopSession = given().auth().oauth2(laptopToken).when().get("/api/auth/sessions").then()
                .extract().path("data.find { it.current }.sessionId");
        given().auth().oauth2(other.getString("data.accessToken")).when().delete("/api/auth/sessions/" + laptopSession)
                .then().statusCode(404);

        given().auth().oauth2(laptopToken).contentType("application/json").body("{}").when().post("/api/auth/logout")
                .then().statusCode(200);
        given().auth().oauth2(laptopToken).when().get("/api/auth/profile").then().statusCode(401);
    }

    @Test
    void logoutOfAllSessions() {
        String email = Clients.newEmail();
        String a = Clients.verifiedUser(mailbox, email).getString("data.accessToken");
        String b = Clients.login(email, PASSWORD).getString("data.accessToken");
        given().auth().oauth2(a).contentType("application/json").body("{\"allSessions\":true}").when().post("/api/auth/logout")
                .then().statusCode(200);
        given().auth().oauth2(a).when().get("/api/auth/profile").then().statusCode(401);
        given().auth().oauth2(b).when().get("/api/auth/profile").then().statusCode(401);
        given().auth().oauth2(Clients.login(email, PASSWORD).getString("data.accessToken")).when().get("/api/auth/sessions")
                .then().statusCode(200).body("data", hasSize(1)).body("data.current", not(hasItem(false)));
    }
}
