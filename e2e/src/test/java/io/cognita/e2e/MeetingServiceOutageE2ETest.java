package io.cognita.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static io.cognita.e2e.Accounts.API;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * meeting-service really stopped (its process ended): starting a meeting through the gateway is a 503
 * MEETING_SERVICE_UNAVAILABLE within 3 s, never a hang; once it is back, the client's retry with the same
 * Idempotency-Key creates exactly one meeting.
 */
@ExtendWith(SuiteExtension.class)
class MeetingServiceOutageE2ETest {

    @BeforeAll
    static void accounts() {
        WorkspaceMeetingE2ETest.init();
    }

    @Test
    void aStoppedMeetingServiceIsA503AndTheRetryAfterItsReturnCreatesOneMeeting() throws Exception {
        Suite suite = Suite.shared();
        WorkspaceMeetingE2ETest.Team team = WorkspaceMeetingE2ETest.team();
        String key = UUID.randomUUID().toString();
        String body = "{\"title\":\"Outage " + key + "\"}";
        suite.stop("meeting-service");
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                given().auth().oauth2(team.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                        .when().post(API + "/workspaces/" + team.workspaceId() + "/meetings")
                        .then().statusCode(503).body("code", equalTo("MEETING_SERVICE_UNAVAILABLE"));
                long millis = (System.nanoTime() - started) / 1_000_000;
                // the contract's bound on this answer (a hang would be the fault), not a benchmark
                assertTrue(millis < 3000, "took " + millis + " ms");
            }
        } finally {
            suite.restart("meeting-service");
        }
        String meetingId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(team.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                        .when().post(API + "/workspaces/" + team.workspaceId() + "/meetings").then().extract(),
                r -> r.statusCode() == 201).path("data.meetingId");
        given().auth().oauth2(team.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(API + "/workspaces/" + team.workspaceId() + "/meetings")
                .then().statusCode(201).body("data.meetingId", equalTo(meetingId));
        int count = given().auth().oauth2(team.admin()).when().get(API + "/workspaces/" + team.workspaceId() + "/meetings")
                .then().statusCode(200).extract().path("data.findAll { it.title == 'Outage " + key + "' }.size()");
        assertEquals(1, count);
    }
}
