package io.cognita.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.testing.EventTap;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.cognita.meeting.MeetingFixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class MeetingApiTest {

    @Inject
    MeetingFixtures fixtures;

    @Test
    void aMeetingOpensLiveIsJoinedLeftAndEndedByItsHost() {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        try (EventTap tap = new EventTap("cognita.meeting")) {
            String id = given().auth().oauth2(token(s.host())).contentType(ContentType.JSON)
                    .body("{\"workspaceId\":\"" + s.workspaceId() + "\",\"orgId\":\"" + s.orgId() + "\",\"title\":\" Standup \"}")
                    .header("X-Cognita-Internal-Token", "dev-only-internal-token").when().post("/api/internal/meetings").then().statusCode(201)
                    .body("data.status", equalTo("live")).body("data.title", equalTo("Standup"))
                    .body("data.hostUserId", equalTo(s.host())).body("data.startedAt", notNullValue())
                    .body("data.liveTranscriptionUrl", containsString("/api/transcription/live?meetingId="))
                    .extract().path("data.meetingId");
            JsonNode started = tap.await(e -> "meeting.started".equals(e.path("type").asText())
                    && id.equals(e.at("/data/meetingId").asText()), Duration.ofSeconds(20)).orElseThrow();
            assertEquals(s.orgId().toString(), started.path("_key").asText());

            given().auth().oauth2(token(s.member())).contentType(ContentType.JSON).body("{\"recordingConsent\":true}")
                    .when().post("/api/meetings/" + id + "/join").then().statusCode(200)
                    .body("data.role", equalTo("participant")).body("data.recordingConsent", equalTo(true));
            tap.await(e -> "meeting.participant-joined".equals(e.path("type").asText())
                    && s.member().equals(e.at("/data/userId").asText()), Duration.ofSeconds(20)).orElseThrow();
            // a rejoin without an answer keeps the earlier one
            given().auth().oauth2(token(s.member())).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/meetings/" + id + "/join").then().statusCode(200).body("data.recordingConsent", equalTo(true));
            given().auth().oauth2(token(s.host())).contentType(ContentType.JSON).body("{\"recordingConsent\":false}")
                    .when().post("/api/meetings/" + id + "/join").then().statusCode(200).body("data.role", equalTo("host"));
            given().auth().oauth2(token(s.member())).when().post("/api/meetings/" + id + "/leave")
                    .then().statusCode(200).body("data.leftAt", notNullValue());
            given().auth().oauth2(token(s.member())).when().post("/api/meetings/" + id + "/leave")
                    .then().statusCode(409).body("code", equalTo("NOT_IN_MEETING"));

            given().auth().oauth2(token(s.member())).when().get("/api/meetings/" + id).then().statusCode(200)
                    .body("data.participants.size()", equalTo(2)).body("data.recording.state", equalTo("none"))
                    .body("data.transcriptState", equalTo("none"));

            given().auth().oauth2(token(s.member())).when().post("/api/meetings/" + id + "/end")
                    .then().statusCode(403);
            given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + id + "/end").then().statusCode(200)
                    .body("data.status", equalTo("ended")).body("data.endedAt", notNullValue())
                    .body("data.liveTranscriptionUrl", nullValue());
            tap.await(e -> "meeting.ended".equals(e.path("type").asText()) && id.equals(e.at("/data/meetingId").asText()),
                    Duration.ofSeconds(20)).orElseThrow();
            given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + id + "/end")
                    .then().statusCode(422).body("code", equalTo("INVALID_MEETING_STATE"));
            given().auth().oauth2(token(s.member())).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/meetings/" + id + "/join").then().statusCode(422).body("code", equalTo("INVALID_MEETING_STATE"));
        }
    }

    @Test
    void aScheduledMeetingStartsWhenItsHostJoins() {
        MeetingFixtures.Setup s = fixtures.setup("optional", "org");
        String later = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String id = MeetingFixtures.meeting(s, s.host(), later);
        given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + id).then().statusCode(200)
                .body("data.status", equalTo("scheduled")).body("data.scheduledFor", equalTo(later)).body("data.startedAt", nullValue());
        given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + id + "/end")
                .then().statusCode(422).body("code", equalTo("INVALID_MEETING_STATE"));
        given().auth().oauth2(token(s.member())).contentType(ContentType.JSON).body("{}")
                .when().post("/api/meetings/" + id + "/join").then().statusCode(422).body("code", equalTo("INVALID_MEETING_STATE"));
        // an org member outside the workspace sees an org-visible workspace's meetings but cannot take part
        given().auth().oauth2(token(s.outsider())).when().get("/api/meetings/" + id).then().statusCode(200);
        given().auth().oauth2(token(s.outsider())).contentType(ContentType.JSON).body("{}")
                .when().post("/api/meetings/" + id + "/join").then().statusCode(403);
        MeetingFixtures.join(id, s.host(), null);
        given().auth().oauth2(token(s.member())).when().get("/api/meetings/" + id).then().statusCode(200)
                .body("data.status", equalTo("live")).body("data.startedAt", notNullValue());
    }

    @Test
    void aWorkspacesMeetingsAreListedNewestFirstAndOpeningIsIdempotent() {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String first = MeetingFixtures.meeting(s, s.host(), null);
        String key = UUID.randomUUID().toString();
        String body = "{\"workspaceId\":\"" + s.workspaceId() + "\",\"orgId\":\"" + s.orgId() + "\",\"title\":\"Retro\"}";
        String second = given().auth().oauth2(token(s.member())).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).header("X-Cognita-Internal-Token", "dev-only-internal-token").when().post("/api/internal/meetings").then().statusCode(201).extract().path("data.meetingId");
        given().auth().oauth2(token(s.member())).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).header("X-Cognita-Internal-Token", "dev-only-internal-token").when().post("/api/internal/meetings").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.meetingId", equalTo(second));
        given().auth().oauth2(token(s.member())).queryParam("limit", 1).when().get("/api/workspaces/" + s.workspaceId() + "/meetings")
                .then().statusCode(200).body("data.meetingId", contains(second)).body("meta.nextCursor", notNullValue());
        given().auth().oauth2(token(s.member())).when().get("/api/workspaces/" + s.workspaceId() + "/meetings")
                .then().statusCode(200).body("data.meetingId", contains(second, first));
        given().auth().oauth2(token(s.outsider())).when().get("/api/workspaces/" + s.workspaceId() + "/meetings")
                .then().statusCode(404).body("code", equalTo("WORKSPACE_NOT_FOUND"));
        given().auth().oauth2(token(s.outsider())).when().get("/api/meetings/" + first)
                .then().statusCode(404).body("code", equalTo("MEETING_NOT_FOUND"));
    }

    @Test
    void theInternalEndpointsAnswerOnlyTheSuitesServices() {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String body = "{\"workspaceId\":\"" + s.workspaceId() + "\",\"orgId\":\"" + s.orgId() + "\",\"title\":\"x\"}";
        // a member's own token reaching meeting-service's port is not enough
        given().auth().oauth2(token(s.member())).contentType(ContentType.JSON).body(body)
                .when().post("/api/internal/meetings").then().statusCode(403).body("code", equalTo("INTERNAL_CALLERS_ONLY"));
        given().auth().oauth2(token(s.member())).contentType(ContentType.JSON).body(body).header("X-Cognita-Internal-Token", "guess")
                .when().post("/api/internal/meetings").then().statusCode(403).body("code", equalTo("INTERNAL_CALLERS_ONLY"));
        given().auth().oauth2(token(s.member())).when().get("/api/internal/recordings/" + UUID.randomUUID() + "/content")
                .then().statusCode(403);
        // with it, the caller must still belong to the org (an org the caller is not in is not found)
        given().auth().oauth2(token(TestTokens.newUserId())).contentType(ContentType.JSON).body(body)
                .header("X-Cognita-Internal-Token", "dev-only-internal-token")
                .when().post("/api/internal/meetings").then().statusCode(404);
    }

    @Test
    void aHostRemovedFromThePrivateWorkspaceLosesTheMeeting() {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String id = MeetingFixtures.meeting(s, s.host(), null);
        given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + id).then().statusCode(200);
        fixtures.removeWorkspaceMember(s.workspaceId(), s.host());
        given().auth().oauth2(token(s.host())).when().get("/api/meetings/" + id).then().statusCode(404);
        given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + id + "/end").then().statusCode(404);
    }

    @Test
    void aTokenWithoutTheScopeCannotTellAnotherTenantsMeetingFromAMissingOne() {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String id = MeetingFixtures.meeting(s, s.host(), null);
        String stranger = TestTokens.withScope(TestTokens.newUserId(), "org:read");
        given().auth().oauth2(stranger).when().get("/api/meetings/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/api/meetings/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(stranger).when().post("/api/meetings/" + id + "/end").then().statusCode(404);
        // the member, without the scope, sees that it exists and is refused
        given().auth().oauth2(TestTokens.withScope(s.member(), "org:read")).when().get("/api/meetings/" + id).then().statusCode(403);
    }

    @Test
    void aSuspendedOrgIsReadOnly() {
        MeetingFixtures.Setup s = fixtures.setup("optional", "private");
        String id = MeetingFixtures.meeting(s, s.host(), null);
        fixtures.orgStatus(s.orgId(), "SUSPENDED");
        given().auth().oauth2(token(s.member())).contentType(ContentType.JSON).body("{}")
                .when().post("/api/meetings/" + id + "/join").then().statusCode(403).body("code", equalTo("ORG_SUSPENDED"));
        given().auth().oauth2(token(s.host())).when().post("/api/meetings/" + id + "/end")
                .then().statusCode(403).body("code", equalTo("ORG_SUSPENDED"));
        given().auth().oauth2(token(s.host())).contentType(ContentType.JSON)
                .body("{\"workspaceId\":\"" + s.workspaceId() + "\",\"orgId\":\"" + s.orgId() + "\",\"title\":\"x\"}")
                .header("X-Cognita-Internal-Token", "dev-only-internal-token").when().post("/api/internal/meetings").then().statusCode(403).body("code", equalTo("ORG_SUSPENDED"));
        given().auth().oauth2(token(s.member())).when().get("/api/meetings/" + id).then().statusCode(200);
    }
}
