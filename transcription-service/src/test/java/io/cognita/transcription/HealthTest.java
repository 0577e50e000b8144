package io.cognita.transcription;

import io.cognita.transcription.domain.Translator;
import io.cognita.transcription.engine.PocketSphinxRecognizer;
import io.cognita.transcription.rest.EngineHealth;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

@QuarkusTest
class HealthTest {

    @Inject
    Translator translator;

    @Test
    void readyAndLive() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theEnginesAreReportedApartFromReadiness() {
        given().when().get("/q/health/well").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'engines' }.data.speech", equalTo("pocketsphinx"))
                .body("checks.find { it.name == 'engines' }.data.translationPairs", greaterThan(0));
    }

    @Test
    void aMissingModelIsDownWithThePackageThatBringsIt() {
        var noModel = new PocketSphinxRecognizer("pocketsphinx", java.nio.file.Path.of("/nonexistent"), "en-US", 1, java.time.Duration.ofMillis(500));
        var health = new EngineHealth(noModel, translator).call();
        assertThat(health.getStatus(), equalTo(HealthCheckResponse.Status.DOWN));
        assertThat(health.getData().orElseThrow().get("speechProblem").toString(), containsString("pocketsphinx-en-us"));
    }
}
