package io.cognita.platform.auth;

import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same refusals with the in-memory view off: every check asks the revoked_sessions table. */
@QuarkusTest
@TestProfile(RevokedSessionsFromTheTableTest.ViewOff.class)
class RevokedSessionsFromTheTableTest extends RevokedSessionsTest {

    public static class ViewOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cognita.revoked-sessions.in-memory", "false");
        }
    }

    @Test
    @Override
    void eachCheckIsAnsweredWhereConfigured() {
        assertFalse(view.current());
        double memory = checks("memory");
        double database = checks("database");
        String token = token(TestTokens.newUserId(), UUID.randomUUID().toString(), false);
        given().auth().oauth2(token).when().get("/api/test/whoami").then().statusCode(200);
        assertEquals(memory, checks("memory"));
        assertEquals(database + 1, checks("database"));
        assertTrue(registry.find("cognita.revoked.sessions.view.age.seconds").gauges().isEmpty());
    }
}
