package io.cognita.transcription;

import io.cognita.platform.testing.TestEvents;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.cognita.transcription.domain.Transcript;
import io.cognita.transcription.service.TranscriptHousekeeping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Retention, an org's purge after its grace period, and a deleted user's speaker label; the clock moved by moving the data. */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class HousekeepingTest {

    @Inject
    TranscriptionFixtures fixtures;
    @Inject
    TranscriptHousekeeping housekeeping;

    @Test
    void transcriptsOlderThanTheOrgsRetentionGo() {
        var s = fixtures.setup();
        Transcript old = fixtures.liveTranscript(s, new String[] {s.host()}, "an old lesson");
        fixtures.org(s.orgId(), "retention", "{\"transcripts\":\"30d\"}");
        housekeeping.applyRetention();
        readable(old, s.host(), 200);
        fixtures.age(old.id(), Duration.ofDays(31));
        housekeeping.applyRetention();
        readable(old, s.host(), 200); // the meeting is still live: its transcript is still being written
        fixtures.meetingStatus(s.meetingId(), "ended");
        housekeeping.applyRetention();
        readable(old, s.host(), 404);
    }

    @Test
    void indefiniteRetentionKeepsThem() {
        var s = fixtures.setup();
        Transcript t = fixtures.liveTranscript(s, new String[] {s.host()}, "kept");
        fixtures.age(t.id(), Duration.ofDays(3650));
        housekeeping.applyRetention();
        readable(t, s.host(), 200);
    }

    @Test
    void aDeletedOrgIsPurgedAfterTheGracePeriodOnly() {
        var s = fixtures.setup();
        Transcript t = fixtures.liveTranscript(s, new String[] {s.host()}, "to be purged");
        fixtures.orgDeleted(s.orgId(), Duration.ofDays(29));
        housekeeping.purgeDeletedOrgs();
        readable(t, TestTokens.systemAdmin(), 200);
        fixtures.orgDeleted(s.orgId(), Duration.ofDays(31));
        housekeeping.purgeDeletedOrgs();
        readable(t, TestTokens.systemAdmin(), 404);
    }

    @Test
    void aDeletedUsersSegmentsKeepTheirTextButNotTheirName() {
        var s = fixtures.setup();
        Transcript t = fixtures.liveTranscript(s, new String[] {s.participant()}, "my words stay");
        TestEvents.publish("cognita.identity", s.participant(), "user.deleted", null, "{\"userId\":\"" + s.participant() + "\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.user(s.host()))
                .when().get("/api/transcripts/" + t.id() + "/segments").then().statusCode(200)
                .body("data[0].speaker.userId", nullValue()).body("data[0].speaker.label", equalTo("Former member"))
                .body("data[0].text", equalTo("my words stay")));
    }

    private static void readable(Transcript t, String userOrToken, int status) {
        String token = userOrToken.startsWith("u-") ? TestTokens.user(userOrToken) : userOrToken;
        given().auth().oauth2(token).when().get("/api/transcripts/" + t.id()).then().statusCode(status);
    }
}
