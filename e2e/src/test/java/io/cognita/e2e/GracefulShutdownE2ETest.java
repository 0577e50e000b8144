package io.cognita.e2e;

import io.cognita.platform.testing.LiveClient;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * SIGTERM as Kubernetes sends it, to the packaged services in the prod profile: readiness turns DOWN at once while the
 * service still serves (the shutdown delay), then it exits; a transcription replica going away closes its live
 * sockets with 1012 and a reconnect hint while it still runs.
 */
@ExtendWith(SuiteExtension.class)
class GracefulShutdownE2ETest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void accounts() {
        WorkspaceMeetingE2ETest.init();
    }

    @Test
    void aTerminatedServiceTurnsNotReadyFirstAndServesMeanwhile() throws Exception {
        Suite suite = Suite.shared();
        Process process = suite.terminate("workspace-service");
        try {
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                    .until(() -> status("http://127.0.0.1:8083/q/health/ready") == 503);
            assertThat("still serving during the shutdown delay", status("http://127.0.0.1:8083/q/health/live"), equalTo(200));
            assertThat("its API still answers during the delay (a token is asked for)",
                    status("http://127.0.0.1:8083/api/workspaces/" + java.util.UUID.randomUUID()), equalTo(401));
            assertThat("gone after the delay and the in-flight requests", process.waitFor(40, TimeUnit.SECONDS), is(true));
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            suite.restart("workspace-service");
        }
    }

    @Test
    void aReplicaGoingAwayTellsItsLiveSocketsToReconnect() throws Exception {
        WorkspaceMeetingE2ETest.Team team = WorkspaceMeetingE2ETest.team();
        String meetingId = WorkspaceMeetingE2ETest.startMeeting(team, null);
        given().auth().oauth2(team.member()).contentType(ContentType.JSON).body("{\"recordingConsent\":true}")
                .when().post(Accounts.API + "/meetings/" + meetingId + "/join").then().statusCode(200);
        Suite suite = Suite.shared();
        try (LiveClient listener = TranscriptionE2ETest.connected(() -> LiveClient.connect(URI.create("ws://127.0.0.1:"
                + Suite.TRANSCRIPTION_REPLICA_PORT + "/api/transcription/live?meetingId=" + meetingId + "&role=listener"), team.member()))) {
            Process replica = suite.terminate("transcription-service-2");
            try {
                assertThat(listener.awaitClose(Duration.ofSeconds(10)), equalTo(1012));
                assertThat("told while the replica still ran (its shutdown delay)", replica.isAlive(), is(true));
                try (LiveClient late = LiveClient.connect(URI.create("ws://127.0.0.1:" + Suite.TRANSCRIPTION_REPLICA_PORT
                        + "/api/transcription/live?meetingId=" + meetingId + "&role=listener"), team.member())) {
                    assertThat("a socket opened while the replica goes away is sent elsewhere at once",
                            late.awaitClose(Duration.ofSeconds(5)), equalTo(1012));
                }
                assertThat(replica.waitFor(40, TimeUnit.SECONDS), is(true));
            } finally {
                if (replica.isAlive()) {
                    replica.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                suite.restartTranscriptionReplica();
            }
        }
    }

    /**
     * A gateway being stopped while clients keep opening connections to it: every request it takes is answered in
     * full (never cut, never a 503 from an upstream stream reset as the server closed); the others are refused or
     * closed unanswered, which a balancer resends elsewhere.
     */
    @Test
    void aStoppingGatewayAnswersEveryRequestItTakesInFull() throws Exception {
        Suite suite = Suite.shared();
        Accounts accounts = new Accounts(suite);
        String path = "/api/orgs/" + accounts.createOrg();
        int port = Suite.freePort();
        suite.launchInstance("gateway-stopping", "gateway", port);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread client = new Thread(() -> {
                String outcome = "";
                while (!(stopped.get() && outcome.equals(REFUSED))) {
                    outcome = RawExchange.get(port, path, accounts.systemAdmin);
                    outcomes.merge(outcome, 1, Integer::sum);
                    if (outcome.equals("200")) {
                        answered.incrementAndGet();
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        Process gateway = null;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> answered.get() >= 50);
            gateway = suite.terminate("gateway-stopping");
            assertThat(gateway.waitFor(60, TimeUnit.SECONDS), is(true));
        } finally {
            stopped.set(true);
            for (Thread client : clients) {
                client.join(30_000);
            }
            if (gateway != null && gateway.isAlive()) {
                gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        Map<String, Integer> unexpected = new HashMap<>(outcomes);
        unexpected.keySet().removeAll(List.of("200", RawExchange.CLOSED_UNANSWERED, REFUSED));
        assertThat("answers other than a complete 200, by kind: " + outcomes, unexpected, equalTo(Map.of()));
        assertThat("the clients kept on until the gateway was gone: " + outcomes, outcomes.getOrDefault(REFUSED, 0) > 0, is(true));
        List<String> cut = Files.readAllLines(suite.work().resolve("gateway-stopping.log")).stream()
                .filter(line -> line.contains("upstream") && line.contains("failed") || line.contains("After Shutdown")).toList();
        assertThat("upstream calls cut by the shutdown", cut, equalTo(List.of()));
    }

    /** A live socket through a gateway that begins to stop is told to reconnect (1012) while the gateway still runs. */
    @Test
    void aStoppingGatewayTellsItsTunnelledSocketsToReconnect() throws Exception {
        WorkspaceMeetingE2ETest.Team team = WorkspaceMeetingE2ETest.team();
        String meetingId = WorkspaceMeetingE2ETest.startMeeting(team, null);
        given().auth().oauth2(team.member()).contentType(ContentType.JSON).body("{\"recordingConsent\":true}")
                .when().post(Accounts.API + "/meetings/" + meetingId + "/join").then().statusCode(200);
        Suite suite = Suite.shared();
        int port = Suite.freePort();
        suite.launchInstance("gateway-tunnel", "gateway", port);
        Process gateway = null;
        try (LiveClient listener = TranscriptionE2ETest.connected(() -> LiveClient.connect(URI.create("ws://127.0.0.1:" + port
                + "/api/transcription/live?meetingId=" + meetingId + "&role=listener"), team.member()))) {
            gateway = suite.terminate("gateway-tunnel");
            assertThat(listener.awaitClose(Duration.ofSeconds(4)), equalTo(1012));
            assertThat("told while the gateway still ran (its shutdown delay)", gateway.isAlive(), is(true));
            assertThat(gateway.waitFor(60, TimeUnit.SECONDS), is(true));
        } finally {
            if (gateway != null && gateway.isAlive()) {
                gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static final String REFUSED = RawExchange.REFUSED;

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
