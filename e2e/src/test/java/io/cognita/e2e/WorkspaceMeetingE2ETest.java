package io.cognita.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.cognita.e2e.Accounts.API;
import static io.cognita.e2e.Accounts.WITHIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Workspaces and meetings through the gateway on :3000, across identity, org-service, workspace-service and
 * meeting-service: a workspace with a member, a meeting started from it, joined with consent, a recording uploaded
 * in parts with one part cut off mid-way and sent again; an org suspension refusing writes in both services; a
 * member removed from the org losing the workspace and its meetings.
 */
@ExtendWith(SuiteExtension.class)
class WorkspaceMeetingE2ETest {

    static final int PART = 16 * 1024 * 1024;
    private static Accounts accounts;

    @BeforeAll
    static void accounts() {
        init();
    }

    static synchronized void init() {
        if (accounts == null) {
            accounts = new Accounts(Suite.shared());
        }
    }

    record Team(String orgId, String admin, String member, String memberId, String workspaceId) {
    }

    @Test
    void aWorkspaceMeetingIsRecordedInPartsWithAPartRetriedAfterADroppedConnection() throws Exception {
        Team team = team();
        String meetingId = startMeeting(team, null);
        // bob is a member of the workspace once meeting-service heard of it (workspace.member-added)
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(team.member()).contentType(ContentType.JSON).body("{\"recordingConsent\":true}")
                        .when().post(API + "/meetings/" + meetingId + "/join").then().statusCode(200));
        given().auth().oauth2(team.admin()).contentType(ContentType.JSON).body("{\"recordingConsent\":true}")
                .when().post(API + "/meetings/" + meetingId + "/join").then().statusCode(200).body("data.role", equalTo("host"));

        byte[] recording = new byte[2 * PART + 4096];
        new Random(42).nextBytes(recording);
        String uploadId = given().auth().oauth2(team.admin()).contentType(ContentType.JSON)
                .body(Map.of("fileName", "lesson.webm", "contentType", "video/webm", "sizeBytes", recording.length,
                        "sha256", sha256(recording)))
                .when().post(API + "/meetings/" + meetingId + "/recordings/upload-init").then().statusCode(201)
                .body("data.partCount", equalTo(3)).extract().path("data.uploadId");
        String parts = API + "/meetings/" + meetingId + "/recordings/" + uploadId + "/parts/";
        putPart(team.admin(), parts + 1, part(recording, 1));
        // part 2: the connection drops half-way; nothing is kept of it, and the client sends it again
        dropMidway("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/parts/2", team.admin(), part(recording, 2));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().auth().oauth2(team.admin()).when().get(API + "/meetings/" + meetingId + "/recordings/" + uploadId)
                        .then().statusCode(200).body("data.partsReceived.partNumber", contains(1)));
        putPart(team.admin(), parts + 2, part(recording, 2));
        putPart(team.admin(), parts + 3, part(recording, 3));
        given().auth().oauth2(team.admin()).when().post(API + "/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                .then().statusCode(200).body("data.sha256", equalTo(sha256(recording)));

        given().auth().oauth2(team.member()).when().get(API + "/meetings/" + meetingId).then().statusCode(200)
                .body("data.recording.state", equalTo("available"))
                .body("data.recording.recordings[0].sizeBytes", equalTo(recording.length))
                .body("data.participants.size()", equalTo(2));
        given().auth().oauth2(team.member()).when().get(API + "/workspaces/" + team.workspaceId() + "/meetings")
                .then().statusCode(200).body("data.meetingId", contains(meetingId));
        given().auth().oauth2(team.admin()).when().post(API + "/meetings/" + meetingId + "/end").then().statusCode(200)
                .body("data.status", equalTo("ended"));
    }

    @Test
    void aSuspendedOrgRefusesWritesInBothServicesUntilResumed() {
        Team team = team();
        String meetingId = startMeeting(team, null);
        given().auth().oauth2(accounts.systemAdmin).contentType(ContentType.JSON).body(Map.of("reason", "unpaid"))
                .when().post(API + "/orgs/" + team.orgId() + "/suspend").then().statusCode(200);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            given().auth().oauth2(team.admin()).contentType(ContentType.JSON).body("{\"name\":\"Renamed\"}")
                    .when().patch(API + "/workspaces/" + team.workspaceId()).then().statusCode(403).body("code", equalTo("ORG_SUSPENDED"));
            given().auth().oauth2(team.admin()).when().post(API + "/meetings/" + meetingId + "/end")
                    .then().statusCode(403).body("code", equalTo("ORG_SUSPENDED"));
        });
        given().auth().oauth2(team.member()).when().get(API + "/workspaces/" + team.workspaceId()).then().statusCode(200);
        given().auth().oauth2(accounts.systemAdmin).contentType(ContentType.JSON).body(Map.of("reason", "paid"))
                .when().post(API + "/orgs/" + team.orgId() + "/resume").then().statusCode(200);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(team.admin()).when().post(API + "/meetings/" + meetingId + "/end").then().statusCode(200));
    }

    @Test
    void aMemberRemovedFromTheOrgLosesTheWorkspaceAndItsMeetings() {
        Team team = team();
        String meetingId = startMeeting(team, null);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(team.member()).when().get(API + "/meetings/" + meetingId).then().statusCode(200));
        given().auth().oauth2(accounts.systemAdmin).when().delete(API + "/orgs/" + team.orgId() + "/members/" + team.memberId())
                .then().statusCode(200);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            given().auth().oauth2(team.member()).when().get(API + "/workspaces/" + team.workspaceId()).then().statusCode(404);
            given().auth().oauth2(team.member()).when().get(API + "/meetings/" + meetingId).then().statusCode(404);
        });
        given().auth().oauth2(team.admin()).when().get(API + "/workspaces/" + team.workspaceId() + "/members")
                .then().statusCode(200).body("data.userId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(team.memberId())));
    }

    /** An org with an admin (alice) and a member (bob), and a private workspace of alice's with bob in it. */
    static Team team() {
        String orgId = accounts.createOrg();
        String bobEmail = Accounts.address("bob");
        String alice = accounts.joinByInvitation(orgId, Accounts.address("alice"), "admin");
        String bob = accounts.joinByInvitation(orgId, bobEmail, "member");
        String bobId = accounts.userId(orgId, bobEmail);
        // workspace-service hears of alice's role from org.member-added
        String workspaceId = await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).until(() ->
                given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"name\":\"Biology 101\",\"visibility\":\"private\"}")
                        .when().post(API + "/orgs/" + orgId + "/workspaces").then().extract(), r -> r.statusCode() == 201)
                .path("data.workspaceId");
        // until workspace-service has heard that bob is in the org, the answer is 422 NOT_AN_ORG_MEMBER
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).until(() ->
                given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("userId", bobId))
                        .when().post(API + "/workspaces/" + workspaceId + "/members").then().extract().statusCode() != 422);
        given().auth().oauth2(alice).when().get(API + "/workspaces/" + workspaceId + "/members").then().statusCode(200)
                .body("data.userId", org.hamcrest.Matchers.hasItem(bobId));
        given().auth().oauth2(bob).when().get(API + "/workspaces/" + workspaceId).then().statusCode(200)
                .body("data.yourRole", equalTo("member")).body("data.memberCount", equalTo(2));
        return new Team(orgId, alice, bob, bobId, workspaceId);
    }

    static String startMeeting(Team team, String idempotencyKey) {
        var request = given().auth().oauth2(team.admin()).contentType(ContentType.JSON).body("{\"title\":\"Photosynthesis\"}");
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post(API + "/workspaces/" + team.workspaceId() + "/meetings").then().statusCode(201)
                .body("data.status", equalTo("live")).body("data.liveTranscriptionUrl", notNullValue())
                .extract().path("data.meetingId");
    }

    static void putPart(String token, String url, byte[] body) {
        given().auth().oauth2(token).contentType(ContentType.BINARY).body(body).when().put(url).then().statusCode(200);
    }

    /** Sends half of a part's declared body to the gateway, then closes the connection. */
    static void dropMidway(String path, String token, byte[] body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", 3000)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost:3000\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
        }
    }

    static byte[] part(byte[] all, int n) {
        int from = (n - 1) * PART;
        return Arrays.copyOfRange(all, from, Math.min(all.length, from + PART));
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

}
