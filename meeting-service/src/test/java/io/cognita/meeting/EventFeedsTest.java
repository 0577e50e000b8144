package io.cognita.meeting;

import io.cognita.meeting.service.MeetingHousekeeping;
import io.cognita.platform.testing.TestEvents;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.cognita.meeting.MeetingFixtures.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * meeting-service's decisions and data follow org-service's, workspace-service's and transcription-service's
 * events, published to the real broker; and its housekeeping removes what is past its time (times moved back in
 * the data, the jobs called as the scheduler calls them).
 */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class EventFeedsTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Inject
    MeetingFixtures fixtures;

    @Inject
    MeetingHousekeeping housekeeping;

    @Inject
    EntityManager em;

    @Test
    void workspaceEventsGrantAndRevokeAccessAndADeletedWorkspaceTakesItsMeetings() throws Exception {
        String orgId = UUID.randomUUID().toString();
        String workspaceId = UUID.randomUUID().toString();
        String host = TestTokens.newUserId();
        String member = TestTokens.newUserId();
        TestEvents.publish("cognita.org", orgId, "org.created", orgId, "{\"orgId\":\"" + orgId + "\",\"settings\":{\"recordingConsent\":\"optional\"}}");
        for (String u : new String[] {host, member}) {
            TestEvents.publish("cognita.org", orgId, "org.member-added", orgId, "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + u + "\",\"role\":\"member\"}");
        }
        TestEvents.publish("cognita.workspace", orgId, "workspace.created", orgId, "{\"workspaceId\":\"" + workspaceId + "\",\"orgId\":\""
                + orgId + "\",\"visibility\":\"private\"}");
        for (String u : new String[] {host, member}) {
            TestEvents.publish("cognita.workspace", orgId, "workspace.member-added", orgId, "{\"workspaceId\":\"" + workspaceId
                    + "\",\"orgId\":\"" + orgId + "\",\"userId\":\"" + u + "\",\"role\":\"member\"}");
        }
        await().atMost(WITHIN).until(() -> given().auth().oauth2(token(member)).when().get("/api/workspaces/" + workspaceId + "/meetings")
                .then().extract().statusCode() == 200);
        String meetingId = given().auth().oauth2(token(host)).contentType(ContentType.JSON)
                .body("{\"workspaceId\":\"" + workspaceId + "\",\"orgId\":\"" + orgId + "\",\"title\":\"Weekly\"}")
                .header("X-Cognita-Internal-Token", "dev-only-internal-token").when().post("/api/internal/meetings").then().statusCode(201).extract().path("data.meetingId");
        given().auth().oauth2(token(member)).when().get("/api/meetings/" + meetingId).then().statusCode(200);

        TestEvents.publish("cognita.workspace", orgId, "workspace.member-removed", orgId, "{\"workspaceId\":\"" + workspaceId
                + "\",\"orgId\":\"" + orgId + "\",\"userId\":\"" + member + "\",\"role\":\"member\"}");
        await().atMost(WITHIN).until(() -> given().auth().oauth2(token(member)).when().get("/api/meetings/" + meetingId)
                .then().extract().statusCode() == 404);

        TestEvents.publish("cognita.transcription", orgId, "transcript.completed", orgId, "{\"meetingId\":\"" + meetingId + "\"}");
        await().atMost(WITHIN).until(() -> "available".equals(given().auth().oauth2(token(host)).when().get("/api/meetings/" + meetingId)
                .then().extract().path("data.transcriptState")));

        // removed from the org: the host loses the meeting too
        TestEvents.publish("cognita.org", orgId, "org.member-removed", orgId, "{\"orgId\":\"" + orgId + "\",\"userId\":\"" + host + "\",\"role\":\"member\"}");
        await().atMost(WITHIN).until(() -> given().auth().oauth2(token(host)).when().get("/api/meetings/" + meetingId)
                .then().extract().statusCode() == 404);

        TestEvents.publish("cognita.workspace", orgId, "workspace.deleted", orgId, "{\"workspaceId\":\"" + workspaceId + "\",\"orgId\":\"" + orgId + "\"}");
        await().atMost(WITHIN).until(() -> meetings("workspace_id", UUID.fromString(workspaceId)) == 0);
    }

    @Test
    void aWorkspaceMadeVisibleToTheOrgShowsItsMeetingsToEveryOrgMember() {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        given().auth().oauth2(token(s.outsider())).when().get("/api/meetings/" + meetingId).then().statusCode(404);
        TestEvents.publish("cognita.workspace", s.orgId().toString(), "workspace.updated", s.orgId().toString(),
                "{\"workspaceId\":\"" + s.workspaceId() + "\",\"orgId\":\"" + s.orgId() + "\",\"visibility\":\"org\"}");
        await().atMost(WITHIN).until(() -> given().auth().oauth2(token(s.outsider())).when().get("/api/meetings/" + meetingId)
                .then().extract().statusCode() == 200);
        // seeing is not taking part
        given().auth().oauth2(token(s.outsider())).contentType(ContentType.JSON).body("{}")
                .when().post("/api/meetings/" + meetingId + "/join").then().statusCode(403);
    }

    @Test
    void aRetentionChangeDeletesOlderRecordingsAtOnce() throws Exception {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        String old = recording(s, meetingId);
        String recent = recording(s, meetingId);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE recordings SET created_at = now() - interval '40 days' "
                + "WHERE id = :id").setParameter("id", UUID.fromString(old)).executeUpdate());
        TestEvents.publish("cognita.org", s.orgId().toString(), "org.retention-updated", s.orgId().toString(),
                "{\"orgId\":\"" + s.orgId() + "\",\"retentionPolicy\":{\"recordings\":\"30d\"}}");
        await().atMost(WITHIN).until(() -> recordings(UUID.fromString(old)) == 0);
        assertEquals(1, recordings(UUID.fromString(recent)));
        given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + meetingId).then()
                .body("data.recording.recordings.size()", equalTo(1));
    }

    @Test
    void expiredUploadsAndDeletedOrgsAreCleanedUp() throws Exception {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String meetingId = MeetingFixtures.meeting(s, s.host(), null);
        recording(s, meetingId);
        String uploadId = given().auth().oauth2(token(s.host())).contentType(ContentType.JSON)
                .body("{\"fileName\":\"a.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":10,\"sha256\":\"" + "0".repeat(64) + "\"}")
                .when().post("/api/meetings/" + meetingId + "/recordings/upload-init").then().statusCode(201).extract().path("data.uploadId");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE uploads SET expires_at = now() - interval '1 minute' "
                + "WHERE id = :id").setParameter("id", UUID.fromString(uploadId)).executeUpdate());
        // one stuck COMPLETING after a crash mid-completion expires too
        String stuck = given().auth().oauth2(token(s.host())).contentType(ContentType.JSON)
                .body("{\"fileName\":\"b.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":10,\"sha256\":\"" + "0".repeat(64) + "\"}")
                .when().post("/api/meetings/" + meetingId + "/recordings/upload-init").then().statusCode(201).extract().path("data.uploadId");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE uploads SET status = 'COMPLETING', "
                + "expires_at = now() - interval '1 minute' WHERE id = :id").setParameter("id", UUID.fromString(stuck)).executeUpdate());
        housekeeping.abortExpiredUploads();
        given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + meetingId + "/recordings/" + uploadId).then().statusCode(404);
        given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + meetingId + "/recordings/" + stuck).then().statusCode(404);

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE org_profiles SET deleted_at = now() - interval '31 days' "
                + "WHERE org_id = :o").setParameter("o", s.orgId()).executeUpdate());
        housekeeping.purgeDeletedOrgs();
        assertEquals(0, meetings("org_id", s.orgId()));
    }

    private String recording(MeetingFixtures.Setup s, String meetingId) throws Exception {
        byte[] body = RecordingUploadContract.bytes(100, System.nanoTime());
        String uploadId = given().auth().oauth2(token(s.host())).contentType(ContentType.JSON)
                .body("{\"fileName\":\"a.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":100,\"sha256\":\""
                        + RecordingUploadContract.sha256(body) + "\"}")
                .when().post("/api/meetings/" + meetingId + "/recordings/upload-init").then().statusCode(201).extract().path("data.uploadId");
        RecordingUploadContract.putPart(s.host(), meetingId, uploadId, 1, body).statusCode(200);
        return given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + meetingId + "/recordings/" + uploadId + "/complete")
                .then().statusCode(200).extract().path("data.recordingId");
    }

    private long meetings(String column, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM meetings WHERE "
                + column + " = :id").setParameter("id", id).getSingleResult()).longValue());
    }

    private long recordings(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM recordings WHERE id = :id")
                .setParameter("id", id).getSingleResult()).longValue());
    }
}
