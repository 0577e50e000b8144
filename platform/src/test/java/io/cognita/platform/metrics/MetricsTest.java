package io.cognita.platform.metrics;

import io.cognita.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;

/** /q/metrics in Prometheus format: HTTP, JVM and pool meters, and the event path's own. */
@QuarkusTest
class MetricsTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxMeters outboxMeters;

    @Test
    void theEventPathAndTheUsualMetersAreExported() {
        double before = value("cognita_events_published_total");
        QuarkusTransaction.requiringNew().run(() -> outbox.record("test.metered", UUID.randomUUID().toString(), "things/m", Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> value("cognita_events_published_total") > before);
        outboxMeters.refreshNow();
        given().when().get("/test/echo/hello"); // one application request, whatever it answers
        String metrics = metrics();
        assertThat(metrics, containsString("cognita_outbox_backlog "));
        assertThat(metrics, containsString("cognita_outbox_oldest_age_seconds "));
        assertThat(metrics, containsString("jvm_memory_used_bytes"));
        assertThat(metrics, containsString("agroal_active_count"));
        assertThat(metrics, containsString("http_server_requests_seconds_count"));
        assertThat("the Kafka clients' own meters", metrics, containsString("kafka_producer_"));
        assertThat(value("cognita_events_published_total"), greaterThan(before));
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of a meter's series (0 when it has none yet). */
    private static double value(String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics());
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }
}
