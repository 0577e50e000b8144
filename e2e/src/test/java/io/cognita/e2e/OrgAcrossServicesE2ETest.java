package io.cognita.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The org's effects that cross services, through the gateway on :3000 with identity's mail going to a real
 * SMTP server and org-service's DNS lookups to a real DNS server: invitations accepted by verifying an address
 * (identity → org), a verified domain capturing a user, an org admin's reset mail for a member (org → identity),
 * a suspension refusing members' writes until the resume.
 */
@ExtendWith(SuiteExtension.class)
class OrgAcrossServicesE2ETest {

    private static final String API = Suite.GATEWAY + "/api";
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static Suite suite;
    private static String systemAdmin;
    private static Accounts accounts;

    @BeforeAll
    static void login() {
        suite = Suite.shared();
        accounts = new Accounts(suite);
        systemAdmin = accounts.systemAdmin;
    }

    @Test
    void invitedPeopleJoinByVerifyingTheirAddressAndTheirAdminCanMailAMemberAPasswordReset() {
        String orgId = createOrg();
        String alice = address("alice");
        String bob = address("bob");
        String aliceToken = joinByInvitation(orgId, alice, "admin");
        joinByInvitation(orgId, bob, "member");

        List<Map<String, Object>> members = given().auth().oauth2(aliceToken).when().get(API + "/orgs/" + orgId + "/members")
                .then().statusCode(200).extract().path("data");
        String bobId = members.stream().filter(m -> bob.equals(m.get("email"))).map(m -> (String) m.get("userId"))
                .findFirst().orElseThrow();

        // identity learns that alice administers bob's org from org.member-added
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).contentType(ContentType.JSON).body(Map.of("userId", bobId))
                        .when().post(API + "/auth/request-reset-password").then().statusCode(202));
        String reset = suite.mailbox.awaitToken(bob, "Reset", WITHIN);
        String newPassword = "a new passphrase " + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("token", reset, "newPassword", newPassword))
                .when().post(API + "/auth/reset-password").then().statusCode(200);
        login(bob, password(bob)).then().statusCode(401);
        String bobToken = login(bob, newPassword).then().statusCode(200).extract().path("data.accessToken");
        given().auth().oauth2(bobToken).when().get(API + "/orgs/" + orgId).then().statusCode(200).body("data.orgId", equalTo(orgId));
    }

    /** An address with an account gets what any address gets, and its owner joins only by accepting the mailed invitation. */
    @Test
    void anExistingUserJoinsOnlyByAcceptingTheMailedInvitation() {
        String orgId = createOrg();
        String carol = address("carol");
        String carolToken = registerAndVerify(carol);
        Map<String, Object> forCarol = given().auth().oauth2(systemAdmin).contentType(ContentType.JSON)
                .body(Map.of("email", carol, "role", "member")).when().post(API + "/orgs/" + orgId + "/members")
                .then().statusCode(202).extract().path("data");
        Map<String, Object> forNobody = given().auth().oauth2(systemAdmin).contentType(ContentType.JSON)
                .body(Map.of("email", address("nobody"), "role", "member")).when().post(API + "/orgs/" + orgId + "/members")
                .then().statusCode(202).extract().path("data");
        assertEquals(forNobody.keySet(), forCarol.keySet());
        given().auth().oauth2(carolToken).when().get(API + "/orgs/" + orgId).then().statusCode(404);

        // identity lists the open invitation in carol's profile (from org.member-invited)
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(carolToken).when().get(API + "/auth/profile").then().statusCode(200)
                        .body("data.pendingInvitations.orgId", org.hamcrest.Matchers.hasItem(orgId)));
        String invitation = suite.mailbox.awaitToken(carol, "invited", WITHIN);
        given().auth().oauth2(carolToken).contentType(ContentType.JSON).body(Map.of("token", invitation))
                .when().post(API + "/orgs/invitations/accept").then().statusCode(200).body("data.role", equalTo("member"));
        given().auth().oauth2(carolToken).when().get(API + "/orgs/" + orgId).then().statusCode(200);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(carolToken).when().get(API + "/auth/profile").then()
                        .body("data.pendingInvitations", org.hamcrest.Matchers.empty())
                        .body("data.memberships.orgId", org.hamcrest.Matchers.hasItem(orgId)));
    }

    @Test
    void aVerifiedDomainCapturesWhoeverVerifiesAnAddressInIt() {
        String orgId = createOrg();
        String domain = "e2e" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        var listed = given().auth().oauth2(systemAdmin).contentType(ContentType.JSON).body(Map.of("domains", List.of(domain)))
                .when().put(API + "/orgs/" + orgId + "/domains").then().statusCode(200).extract().jsonPath();
        suite.dns.publish(listed.getString("data[0].txtRecord"), listed.getString("data[0].txtValue"));
        given().auth().oauth2(systemAdmin).when().post(API + "/orgs/" + orgId + "/domains/" + domain + "/verify")
                .then().statusCode(200).body("data.state", equalTo("verified"));

        String dave = "dave@" + domain;
        given().contentType(ContentType.JSON).body(Map.of("email", dave, "password", password(dave), "displayName", "Dave"))
                .when().post(API + "/auth/register").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("token", suite.mailbox.awaitToken(dave, "Confirm", WITHIN)))
                .when().post(API + "/auth/verify-email").then().statusCode(200);
        String token = login(dave, password(dave)).then().statusCode(200).extract().path("data.accessToken");
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(token).when().get(API + "/orgs/" + orgId).then().statusCode(200));
        assertEquals("member", given().auth().oauth2(systemAdmin).when().get(API + "/orgs/" + orgId + "/members").then()
                .extract().path("data.find { it.email == '" + dave + "' }.role"));
    }

    @Test
    void aSuspendedOrgsMembersCannotWriteThroughTheGatewayUntilItIsResumed() {
        String orgId = createOrg();
        String admin = joinByInvitation(orgId, address("carol"), "admin");
        patchSettings(orgId, admin, "{\"aiSummaries\":\"basic\"}").then().statusCode(200);

        given().auth().oauth2(systemAdmin).contentType(ContentType.JSON).body(Map.of("reason", "unpaid invoices"))
                .when().post(API + "/orgs/" + orgId + "/suspend").then().statusCode(200);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                patchSettings(orgId, admin, "{\"aiSummaries\":\"enhanced\"}").then().statusCode(403)
                        .body("code", equalTo("ORG_SUSPENDED")));
        given().auth().oauth2(admin).when().get(API + "/orgs/" + orgId + "/settings").then().statusCode(200)
                .body("data.aiSummaries", equalTo("basic"));

        given().auth().oauth2(systemAdmin).contentType(ContentType.JSON).body(Map.of("reason", "paid"))
                .when().post(API + "/orgs/" + orgId + "/resume").then().statusCode(200);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                patchSettings(orgId, admin, "{\"aiSummaries\":\"enhanced\"}").then().statusCode(200));
    }

    private static String registerAndVerify(String email) {
        return accounts.registerAndVerify(email);
    }

    private static String joinByInvitation(String orgId, String email, String role) {
        return accounts.joinByInvitation(orgId, email, role);
    }

    private static String createOrg() {
        return accounts.createOrg();
    }

    private static Response patchSettings(String orgId, String token, String patch) {
        return given().auth().oauth2(token).contentType("application/merge-patch+json").body(patch)
                .when().patch(API + "/orgs/" + orgId + "/settings");
    }

    private static Response login(String email, String password) {
        return Accounts.login(email, password);
    }

    private static String address(String name) {
        return Accounts.address(name);
    }

    private static String password(String email) {
        return Accounts.password(email);
    }
}
