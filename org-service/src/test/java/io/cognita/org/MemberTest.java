package io.cognita.org;

import io.cognita.org.domain.OrgRole;
import io.cognita.platform.testing.EventTap;
import io.cognita.platform.testing.TestEvents;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.cognita.org.OrgFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class MemberTest {

    @Inject
    OrgFixtures fixtures;

    @Inject
    io.quarkus.mailer.MockMailbox mailbox;

    /** A user identity has registered and verified, as org-service learns it from cognita.identity. */
    static String verifiedUser(String email) {
        String userId = TestTokens.newUserId();
        String data = "{\"userId\":\"" + userId + "\",\"email\":\"" + email + "\"}";
        TestEvents.publish("cognita.identity", "user/" + userId, "user.registered", null, data);
        TestEvents.publish("cognita.identity", "user/" + userId, "user.email-verified", null, data);
        return userId;
    }

    /**
     * Found by review: an add answered 201 with the userId for an existing account and 202 for any other
     * address, and joined existing users without asking them. Now both get the same 202 and a mail; the
     * existing user joins by accepting with the mailed token.
     */
    @Test
    void everyAddressIsAnsweredAlikeAndAnExistingUserJoinsByAccepting() {
        String orgId = OrgFixtures.createOrg();
        String email = "known-" + UUID.randomUUID() + "@example.org";
        String known = verifiedUser(email);
        String stranger = verifiedUser("stranger-" + UUID.randomUUID() + "@example.org");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> fixtures.isKnownVerified(known)
                && fixtures.isKnownVerified(stranger));
        var forKnown = invite(orgId, ADMIN, email.toUpperCase(), "member").then().statusCode(202).extract().jsonPath();
        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
        var forNobody = invite(orgId, ADMIN, nobody, "member").then().statusCode(202).extract().jsonPath();
        assertEquals(forNobody.getMap("data").keySet(), forKnown.getMap("data").keySet());
        assertEquals(forNobody.getString("message"), forKnown.getString("message"));
        assertNull(forKnown.get("data.userId"));
        // asked again at once: the same answer, no second mail
        invite(orgId, ADMIN, nobody, "member").then().statusCode(202);
        fixtures.invitationToken(nobody);
        assertEquals(1, mailbox.getMailsSentTo(nobody).size());
        // not a member until they accept
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/members").then().body("data.userId", not(hasItem(known)));

        String token = fixtures.invitationToken(email);
        accept(TestTokens.user(stranger), token).then().statusCode(403).body("code", equalTo("INVITATION_NOT_FOR_YOU"));
        accept(TestTokens.user(known), "not-a-token").then().statusCode(404).body("code", equalTo("INVITATION_NOT_FOUND"));
        accept(TestTokens.user(known), token).then().statusCode(200).body("data.userId", equalTo(known))
                .body("data.role", equalTo("member"));
        accept(TestTokens.user(known), token).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"token\":\"" + token + "\"}").when().post("/api/orgs/invitations/accept")
                .then().statusCode(401);
        invite(orgId, ADMIN, email, "member").then().statusCode(409).body("code", equalTo("ALREADY_MEMBER"));

        // the invitee may also accept by the invitation's id, as their profile lists it (announced as org.member-invited)
        String other = "other-" + UUID.randomUUID() + "@example.org";
        String otherId = verifiedUser(other);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> fixtures.isKnownVerified(otherId));
        String invitationId;
        try (EventTap tap = new EventTap("cognita.org")) {
            invitationId = invite(orgId, ADMIN, other, "admin").then().statusCode(202).extract().path("data.invitationId");
            var event = tap.await(e -> "org.member-invited".equals(e.path("type").asText())
                    && invitationId.equals(e.at("/data/invitationId").asText()), Duration.ofSeconds(20)).orElseThrow();
            assertEquals(other, event.at("/data/email").asText());
            assertEquals("admin", event.at("/data/role").asText());
        }
        given().auth().oauth2(TestTokens.user(known)).contentType(ContentType.JSON).body("{\"invitationId\":\"" + invitationId + "\"}")
                .when().post("/api/orgs/invitations/accept").then().statusCode(403);
        given().auth().oauth2(TestTokens.user(otherId)).contentType(ContentType.JSON)
                .body("{\"invitationId\":\"" + invitationId + "\",\"token\":\"x\"}")
                .when().post("/api/orgs/invitations/accept").then().statusCode(400);
        given().auth().oauth2(TestTokens.user(otherId)).contentType(ContentType.JSON).body("{\"invitationId\":\"" + invitationId + "\"}")
                .when().post("/api/orgs/invitations/accept").then().statusCode(200).body("data.role", equalTo("admin"));

        String later = "later-" + UUID.randomUUID() + "@example.org";
        invite(orgId, ADMIN, later, "admin").then().statusCode(202).body("data.email", equalTo(later));
        given().auth().oauth2(ADMIN).queryParam("action", "org.member-invited").when().get("/api/orgs/" + orgId + "/audit-logs")
                .then().statusCode(200).body("data[0].after.email", equalTo(later)).body("data[0].after.role", equalTo("admin"));
        String laterId = verifiedUser(later);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/members").then().statusCode(200)
                        .body("data.find { it.userId == '" + laterId + "' }.role", equalTo("admin")));
        // the new admin may now administer the org
        given().auth().oauth2(TestTokens.user(laterId)).when().get("/api/orgs/" + orgId + "/members").then().statusCode(200);
    }

    @Test
    void thePayerBecomesOwnerWhenKnown() {
        String payer = verifiedUser("payer-" + UUID.randomUUID() + "@example.org");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var body = OrgFixtures.createBody();
            body.put("payerUserId", payer);
            String orgId = given().contentType(ContentType.JSON).auth().oauth2(ADMIN).body(body.toString())
                    .when().post("/api/orgs").then().statusCode(200).extract().path("data.orgId");
            return given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/members").then().extract()
                    .jsonPath().getList("data.findAll { it.role == 'owner' }.userId").contains(payer);
        });
        // an org whose payer registers later gets them as owner then
        String futurePayer = TestTokens.newUserId();
        var body = OrgFixtures.createBody();
        body.put("payerUserId", futurePayer);
        String orgId = given().contentType(ContentType.JSON).auth().oauth2(ADMIN).body(body.toString())
                .when().post("/api/orgs").then().statusCode(200).extract().path("data.orgId");
        TestEvents.publish("cognita.identity", "user/" + futurePayer, "user.registered", null,
                "{\"userId\":\"" + futurePayer + "\",\"email\":\"fp-" + UUID.randomUUID() + "@example.org\"}");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/members").then()
                        .body("data.find { it.userId == '" + futurePayer + "' }.role", equalTo("owner")));
    }

    @Test
    void anOrgAlwaysKeepsAnOwner() {
        String orgId = OrgFixtures.createOrg();
        String owner = TestTokens.newUserId();
        String admin = TestTokens.newUserId();
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, owner, OrgRole.OWNER);
        fixtures.addMember(orgId, admin, OrgRole.ADMIN);
        fixtures.addMember(orgId, member, OrgRole.MEMBER);

        role(orgId, TestTokens.user(owner), owner, "admin").then().statusCode(409).body("code", equalTo("LAST_OWNER"));
        given().auth().oauth2(TestTokens.user(owner)).when().delete("/api/orgs/" + orgId + "/members/" + owner)
                .then().statusCode(409).body("code", equalTo("LAST_OWNER"));
        role(orgId, TestTokens.user(admin), member, "owner").then().statusCode(403);
        role(orgId, TestTokens.user(admin), owner, "member").then().statusCode(403);
        try (EventTap tap = new EventTap("cognita.org")) {
            role(orgId, TestTokens.user(owner), admin, "owner").then().statusCode(200).body("data.role", equalTo("owner"));
            tap.await(e -> "org.member-added".equals(e.path("type").asText()) && admin.equals(e.at("/data/userId").asText())
                    && "owner".equals(e.at("/data/role").asText()), Duration.ofSeconds(20)).orElseThrow();
            given().auth().oauth2(TestTokens.user(admin)).when().delete("/api/orgs/" + orgId + "/members/" + owner)
                    .then().statusCode(200);
            tap.await(e -> "org.member-removed".equals(e.path("type").asText()) && owner.equals(e.at("/data/userId").asText()),
                    Duration.ofSeconds(20)).orElseThrow();
        }
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/members").then().statusCode(200)
                .body("data.userId", not(hasItem(owner)));
    }

    @Test
    void theAuthorizationMatrixAndBadInput() {
        String orgId = OrgFixtures.createOrg();
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        String outsider = TestTokens.newUserId();
        fixtures.addMember(OrgFixtures.createOrg(), outsider, OrgRole.OWNER);
        invite(orgId, TestTokens.user(member), "x@example.org", "member").then().statusCode(403);
        invite(orgId, TestTokens.user(outsider), "x@example.org", "member").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"email\":\"x@example.org\",\"role\":\"member\"}")
                .when().post("/api/orgs/" + orgId + "/members").then().statusCode(401);
        invite(orgId, ADMIN, "not-an-email", "member").then().statusCode(400).body("errors.field", hasItem("email"));
        invite(orgId, ADMIN, "x@example.org", "emperor").then().statusCode(400).body("errors.field", hasItem("role"));
        role(orgId, ADMIN, TestTokens.newUserId(), "admin").then().statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        given().auth().oauth2(TestTokens.user(member)).when().get("/api/orgs/" + orgId + "/members").then().statusCode(403);
    }

    @Test
    void aDeletedUserLeavesEveryOrg() {
        String orgId = OrgFixtures.createOrg();
        String email = "gone-" + UUID.randomUUID() + "@example.org";
        String userId = verifiedUser(email);
        fixtures.addMember(orgId, userId, OrgRole.MEMBER);
        TestEvents.publish("cognita.identity", "user/" + userId, "user.deleted", null, "{\"userId\":\"" + userId + "\"}");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId + "/members").then()
                        .body("data.userId", not(hasItem(userId))));
    }

    private static io.restassured.response.Response invite(String orgId, String token, String email, String role) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}").when().post("/api/orgs/" + orgId + "/members");
    }

    private static io.restassured.response.Response accept(String token, String invitationToken) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"token\":\"" + invitationToken + "\"}")
                .when().post("/api/orgs/invitations/accept");
    }

    private static io.restassured.response.Response role(String orgId, String token, String userId, String role) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"role\":\"" + role + "\"}")
                .when().patch("/api/orgs/" + orgId + "/members/" + userId);
    }

    @Test
    void openInvitationsAreListedAndARevokedOneFreesItsSeat() {
        String orgId = OrgFixtures.createOrgOnPlan("free");
        String admin = TestTokens.newUserId();
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, admin, OrgRole.ADMIN);
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        String wrong = "wrong-" + orgId + "@example.org";
        String right = "right-" + orgId + "@example.org";
        String adminToken = TestTokens.user(admin);
        invite(orgId, adminToken, wrong, "member").then().statusCode(202);
        invite(orgId, adminToken, right, "member").then().statusCode(409).body("code", equalTo("MEMBER_LIMIT_REACHED"));

        String invitationId = given().auth().oauth2(adminToken).when().get("/api/orgs/" + orgId + "/invitations").then()
                .statusCode(200).body("data", org.hamcrest.Matchers.hasSize(1)).body("data[0].email", equalTo(wrong))
                .body("data[0].expiresAt", org.hamcrest.Matchers.notNullValue()).extract().path("data[0].invitationId");
        given().auth().oauth2(TestTokens.user(member)).when().get("/api/orgs/" + orgId + "/invitations").then().statusCode(403);
        given().auth().oauth2(TestTokens.user(member)).when().delete("/api/orgs/" + orgId + "/invitations/" + invitationId)
                .then().statusCode(403);

        given().auth().oauth2(adminToken).when().delete("/api/orgs/" + orgId + "/invitations/" + invitationId).then().statusCode(200);
        given().auth().oauth2(adminToken).when().delete("/api/orgs/" + orgId + "/invitations/" + invitationId).then()
                .statusCode(404).body("code", equalTo("INVITATION_NOT_FOUND"));
        given().auth().oauth2(adminToken).when().delete("/api/orgs/" + orgId + "/invitations/not-a-uuid").then()
                .statusCode(400).body("code", equalTo("INVALID_ID"));
        invite(orgId, adminToken, right, "member").then().statusCode(202);
        given().auth().oauth2(ADMIN).queryParam("action", "org.invitation-revoked").when().get("/api/orgs/" + orgId + "/audit-logs")
                .then().body("data[0].before.email", equalTo(wrong)).body("data[0].actor", equalTo(admin));
    }
}
