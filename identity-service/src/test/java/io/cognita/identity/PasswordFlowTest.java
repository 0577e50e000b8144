package io.cognita.identity;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.cognita.identity.Clients.PASSWORD;
import static io.cognita.identity.Clients.json;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class PasswordFlowTest {

    private static final String NEW_PASSWORD = "a brand new long password";

    @Inject
    MockMailbox mailbox;

    @Test
    void forgotPasswordAnswersTheSameForKnownAndUnknownAddresses() {
        String known = Clients.newEmail();
        Clients.verifiedUser(mailbox, known);
        String unknown = Clients.newEmail();
        String a = json().body("{\"email\":\"" + known + "\"}").when().post("/api/auth/forgot-password")
                .then().statusCode(202).extract().asString();
        String b = json().body("{\"email\":\"" + unknown + "\"}").when().post("/api/auth/forgot-password")
                .then().statusCode(202).extract().asString();
        assertEquals(Clients.withoutRequestId(a), Clients.withoutRequestId(b));
        Clients.tokenFromMail(mailbox, known, "Reset your Cognita password");
        assertTrue(Clients.mails(mailbox, unknown).isEmpty());
    }

    @Test
    void aResetLinkSetsTheNewPasswordOnceAndEndsEverySession() {
        String email = Clients.newEmail();
        JsonPath session = Clients.verifiedUser(mailbox, email);
        json().body("{\"email\":\"" + email + "\"}").when().post("/api/auth/forgot-password").then().statusCode(202);
        String token = Clients.tokenFromMail(mailbox, email, "Reset your Cognita password");

        json().body("{\"token\":\"" + token + "\",\"newPassword\":\"short\"}").when().post("/api/auth/reset-password")
                .then().statusCode(400).body("errors.field", hasItem("newPassword"));
        json().body("{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}").when().post("/api/auth/reset-password")
                .then().statusCode(200);
        given().auth().oauth2(session.getString("data.accessToken")).when().get("/api/auth/profile").then().statusCode(401);
        json().body("{\"refreshToken\":\"" + session.getString("data.refreshToken") + "\"}").when().post("/api/auth/refresh")
                .then().statusCode(401);
        json().body("{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "x\"}").when().post("/api/auth/reset-password")
                .then().statusCode(400).body("code", equalTo("INVALID_TOKEN"));
        json().body("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").when().post("/api/auth/login")
                .then().statusCode(401);
        Clients.login(email, NEW_PASSWORD);
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        String email = Clients.newEmail();
        Clients.verifiedUser(mailbox, email);
        json().body("{\"email\":\"" + email + "\"}").when().post("/api/auth/forgot-password").then().statusCode(202);
        String token = Clients.tokenFromMail(mailbox, email, "Reset your Cognita password");
        IdentityClock.CLOCK.advance(Duration.ofMinutes(61));
        try {
            json().body("{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}").when().post("/api/auth/reset-password")
                    .then().statusCode(400).body("code", equalTo("INVALID_TOKEN"));
        } finally {
            IdentityClock.CLOCK.advance(Duration.ofMinutes(-61));
        }
    }

    @Test
    void aSignedInUserRequestsAResetMailForThemselves() {
        String email = Clients.newEmail();
        String access = Clients.verifiedUser(mailbox, email).getString("data.accessToken");
        int before = Clients.mails(mailbox, email).size();
        given().auth().oauth2(access).when().post("/api/auth/request-reset-password").then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> Clients.mails(mailbox, email).size() > before);
        Clients.tokenFromMail(mailbox, email, "Reset your Cognita password");
    }

    @Test
    void anOrgAdminSendsAMemberAResetMail() {
        String adminEmail = Clients.newEmail();
        String memberEmail = Clients.newEmail();
        var admin = Clients.verifiedUser(mailbox, adminEmail);
        var member = Clients.verifiedUser(mailbox, memberEmail);
        var stranger = Clients.verifiedUser(mailbox, Clients.newEmail());
        String adminId = admin.getString("data.user.userId");
        String memberId = member.getString("data.user.userId");
        String orgId = java.util.UUID.randomUUID().toString();
        io.cognita.platform.testing.TestEvents.publish("cognita.org", orgId, "org.member-added", orgId,
                "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + adminId + "\",\"role\":\"admin\"}");
        io.cognita.platform.testing.TestEvents.publish("cognita.org", orgId, "org.member-added", orgId,
                "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + memberId + "\",\"role\":\"member\"}");
        given().auth().oauth2(stranger.getString("data.accessToken")).contentType("application/json")
                .body("{\"userId\":\"" + memberId + "\"}").when().post("/api/auth/request-reset-password").then().statusCode(403);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(admin.getString("data.accessToken")).contentType("application/json")
                        .body("{\"userId\":\"" + memberId + "\"}").when().post("/api/auth/request-reset-password")
                        .then().statusCode(202));
        Clients.tokenFromMail(mailbox, memberEmail, "Reset your Cognita password");
        // the member cannot do the same for the admin
        given().auth().oauth2(member.getString("data.accessToken")).contentType("application/json")
                .body("{\"userId\":\"" + adminId + "\"}").when().post("/api/auth/request-reset-password").then().statusCode(403);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        String email = Clients.newEmail();
        String here = Clients.verifiedUser(mailbox, email).getString("data.accessToken");
        String elsewhere = Clients.login(email, PASSWORD).getString("data.accessToken");
        given().auth().oauth2(here).contentType("application/json")
                .body("{\"currentPassword\":\"wrong\",\"newPassword\":\"" + NEW_PASSWORD + "\"}")
                .when().post("/api/auth/change-password").then().statusCode(400).body("errors.field", hasItem("currentPassword"));
        given().auth().oauth2(here).contentType("application/json")
                .body("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + email + "\"}")
                .when().post("/api/auth/change-password").then().statusCode(400).body("errors.field", hasItem("newPassword"));
        given().auth().oauth2(here).contentType("application/json")
                .body("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}")
                .when().post("/api/auth/change-password").then().statusCode(200);
        given().auth().oauth2(here).when().get("/api/auth/profile").then().statusCode(200);
        given().auth().oauth2(elsewhere).when().get("/api/auth/profile").then().statusCode(401);
        Clients.login(email, NEW_PASSWORD);
    }
}
