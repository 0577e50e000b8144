package io.cognita.workspace;

import io.cognita.platform.testing.TestJwksResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static io.cognita.workspace.WorkspaceFixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * meeting-service that accepts connections and never answers (a hung process): starting a meeting is a 503
 * MEETING_SERVICE_UNAVAILABLE with Retry-After within the 3 s the contract promises, never a hang. (meeting-service
 * really stopped, and a retry after it is back, are covered end to end in e2e's MeetingServiceOutageE2ETest.)
 */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
@QuarkusTestResource(MeetingServiceDownTest.HungMeetingService.class)
class MeetingServiceDownTest {

    /** A loopback socket whose connections are accepted by the kernel and never read or answered. */
    public static class HungMeetingService implements QuarkusTestResourceLifecycleManager {
        private ServerSocket socket;

        @Override
        public Map<String, String> start() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String url = "http://127.0.0.1:" + socket.getLocalPort();
            return Map.of("quarkus.rest-client.meeting-service.url", url, "%test.quarkus.rest-client.meeting-service.url", url);
        }

        @Override
        public void stop() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a test socket
            }
        }
    }

    @Inject
    WorkspaceFixtures fixtures;

    @Inject
    io.smallrye.faulttolerance.api.CircuitBreakerMaintenance breakers;

    /** Other tests' calls to an absent meeting-service may have opened the breaker: this one must meet the hung server. */
    @org.junit.jupiter.api.BeforeEach
    void closeTheBreaker() {
        breakers.resetAll();
    }

    @Test
    void aHungMeetingServiceIsA503WithinThreeSeconds() {
        WorkspaceFixtures.Org org = fixtures.org(5);
        String workspaceId = WorkspaceFixtures.workspace(org.id(), org.admin(), "org");
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            given().auth().oauth2(token(org.admin())).contentType(ContentType.JSON).body("{\"title\":\"Standup\"}")
                    .when().post("/api/workspaces/" + workspaceId + "/meetings")
                    .then().statusCode(503).body("code", equalTo("MEETING_SERVICE_UNAVAILABLE")).header("Retry-After", "5");
            long millis = (System.nanoTime() - started) / 1_000_000;
            // the contract's bound on this answer (a correctness property: a hang would be a fault), not a benchmark
            assertTrue(millis < 3000, "took " + millis + " ms");
        }
    }
}
