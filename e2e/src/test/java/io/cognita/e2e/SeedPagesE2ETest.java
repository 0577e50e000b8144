package io.cognita.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.platform.testing.JsonSubset;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The seed pages' curl examples replayed through the gateway on port 3000 against the packaged
 * gateway, identity-service and org-service, responses compared field by field with the seed's examples.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SuiteExtension.class)
class SeedPagesE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Suite suite;
    private static String token;
    private static String orgId;

    @BeforeAll
    static void login() {
        suite = Suite.shared();
        token = given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + suite.adminEmail + "\",\"password\":\"" + suite.adminPassword + "\"}")
                .when().post(Suite.GATEWAY + "/api/auth/login")
                .then().statusCode(200).body("data.tokenType", equalTo("Bearer"))
                .extract().path("data.accessToken");
    }

    @Test
    @Order(1)
    void createOrganizationAsOnTheSeedPage() throws IOException {
        String body = given()
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Request-ID", UUID.randomUUID().toString())
                .body(seed("create-organization.request").toString())
                .when().post(Suite.GATEWAY + "/api/orgs/")
                .then().statusCode(200).extract().asString();
        JsonNode actual = JSON.readTree(body);
        JsonNode expected = seed("create-organization.response");
        assertEquals(List.of(), JsonSubset.differences(expected, actual,
                Set.of("orgId", "createdAt", "updatedAt", "trialEndDate")));
        assertEquals(fields(expected.get("data")), fields(actual.get("data")));
        Instant created = Instant.parse(actual.at("/data/createdAt").asText());
        LocalDate trialEnd = created.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(3);
        assertEquals(trialEnd.atStartOfDay(ZoneOffset.UTC).toInstant().toString(), actual.at("/data/trialEndDate").asText());
        orgId = actual.at("/data/orgId").asText();
    }

    @Test
    @Order(2)
    void updateOrganizationAsOnTheSeedPage() throws IOException {
        String body = given()
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .body(seed("update-organization.request").toString())
                .when().put(Suite.GATEWAY + "/api/orgs/" + orgId + "/update")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(), JsonSubset.differences(seed("update-organization.response"), JSON.readTree(body), Set.of()));
    }

    @Test
    @Order(3)
    void theSameOrganizationReadsBackThroughTheGateway() {
        given().header("Authorization", "Bearer " + token)
                .when().get(Suite.GATEWAY + "/api/orgs/" + orgId)
                .then().statusCode(200).body("data.orgId", equalTo(orgId)).body("data.settings.aiSummaries", equalTo("enhanced"));
        given().when().get(Suite.GATEWAY + "/api/orgs/" + orgId)
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer " + token)
                .when().get(Suite.GATEWAY + "/api/orgs/" + UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("ORG_NOT_FOUND"));
    }

    @Test
    @Order(4)
    void aLoggedOutSessionIsRefusedAtTheEdgeWithinSeconds() {
        String session = given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + suite.adminEmail + "\",\"password\":\"" + suite.adminPassword + "\"}")
                .when().post(Suite.GATEWAY + "/api/auth/login").then().statusCode(200).extract().path("data.accessToken");
        given().header("Authorization", "Bearer " + session).when().get(Suite.GATEWAY + "/api/orgs/" + orgId)
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + session).contentType(ContentType.JSON).body("{}")
                .when().post(Suite.GATEWAY + "/api/auth/logout").then().statusCode(200);
        // identity → outbox → Kafka → every gateway replica, and org-service's own list for calls that skip the edge
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(100))
                .untilAsserted(() -> given().header("Authorization", "Bearer " + session)
                        .when().get(Suite.GATEWAY + "/api/orgs/" + orgId).then().statusCode(401));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(100))
                .untilAsserted(() -> given().header("Authorization", "Bearer " + session)
                        .when().get("http://localhost:8082/api/orgs/" + orgId).then().statusCode(401)
                        .body("code", equalTo("SESSION_REVOKED")));
        given().header("Authorization", "Bearer " + token).when().get(Suite.GATEWAY + "/api/orgs/" + orgId)
                .then().statusCode(200);
    }

    private static JsonNode seed(String name) throws IOException {
        try (InputStream in = SeedPagesE2ETest.class.getResourceAsStream("/seeds/" + name + ".json")) {
            return JSON.readTree(in);
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
