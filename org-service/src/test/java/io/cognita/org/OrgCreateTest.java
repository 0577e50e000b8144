package io.cognita.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cognita.platform.testing.EventTap;
import io.cognita.platform.testing.JsonSubset;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.cognita.org.repository.OrganizationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.cognita.org.OrgFixtures.ADMIN;
import static io.cognita.org.OrgFixtures.createBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class OrgCreateTest {

    @Inject
    OrganizationRepository orgs;

    @Test
    void theSeedRequestGetsTheSeedResponse() {
        ObjectNode body = OrgFixtures.seed("create-organization.request");
        String response = given().contentType(ContentType.JSON).auth().oauth2(ADMIN).body(body.toString())
                .when().post("/api/orgs/")
                .then().statusCode(200).header("X-Request-ID", notNullValue())
                .body("status", equalTo("ok"))
                .extract().asString();
        JsonNode actual = OrgFixtures.parse(response);
        JsonNode expected = OrgFixtures.seed("create-organization.response");
        assertEquals(List.of(), JsonSubset.differences(expected, actual, Set.of("orgId")));
        assertEquals(Set.of("status", "message", "data"), fieldNames(actual));
        assertEquals(fieldNames(expected.get("data")), fieldNames(actual.get("data")));
        UUID.fromString(actual.at("/data/orgId").asText());
    }

    @Test
    void tenantDefaultsFillWhatTheBodyLeavesOut() {
        given().contentType(ContentType.JSON).auth().oauth2(ADMIN)
                .body("{\"name\":\"Minimal Enterprise\",\"orgType\":\"enterprise\"}")
                .when().post("/api/orgs")
                .then().statusCode(200)
                .body("data.billingPlan", equalTo("enterprise"))
                .body("data.trialEndDate", equalTo("2025-11-22T00:00:00Z"))
                .body("data.settings.recordingConsent", equalTo("optional"))
                .body("data.retentionPolicy.recordings", equalTo("180d"))
                .body("data.featureFlags.meetingEnergyDashboard", is(true))
                .body("data.allowedDomains.size()", is(0))
                .body("data.billingAccountId", nullValue())
                .body("data.payerUserId", nullValue());
    }

    @Test
    void aProvisioningTokenMayCreate() {
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.withScope("prov-" + UUID.randomUUID(), "org:provision"))
                .body(createBody().toString())
                .when().post("/api/orgs")
                .then().statusCode(200).body("data.orgId", notNullValue());
    }

    @Test
    void anOrdinaryUserMayNot() {
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(TestTokens.newUserId()))
                .body(createBody().toString())
                .when().post("/api/orgs")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void anonymousAndForgedCallersAreUnauthorized() {
        given().contentType(ContentType.JSON).body(createBody().toString())
                .when().post("/api/orgs")
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        String forged = ADMIN.substring(0, ADMIN.lastIndexOf('.') + 1) + "AAAA";
        given().contentType(ContentType.JSON).auth().oauth2(forged).body(createBody().toString())
                .when().post("/api/orgs")
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON            | {\"name\": \"x\",                                   | MALFORMED_JSON   | $",
            "not an object             | [1,2]                                              | MALFORMED_JSON   | $",
            "number for a string       | {\"name\": 5, \"orgType\": \"education\"}          | INVALID_TYPE     | name",
            "string for a boolean      | {\"name\": \"x\", \"orgType\": \"education\", \"settings\": {\"educationMode\": \"yes\"}} | INVALID_TYPE | settings.educationMode",
            "object for a string       | {\"name\": {}, \"orgType\": \"education\"}         | INVALID_TYPE     | name",
            "unknown enum value        | {\"name\": \"x\", \"orgType\": \"university\"}     | INVALID_VALUE    | orgType",
            "unknown nested enum       | {\"name\": \"x\", \"orgType\": \"education\", \"settings\": {\"complianceMode\": \"sox\"}} | INVALID_VALUE | settings.complianceMode",
            "unknown field             | {\"name\": \"x\", \"orgType\": \"education\", \"color\": \"red\"} | UNKNOWN_FIELD | color",
            "unknown nested field      | {\"name\": \"x\", \"orgType\": \"education\", \"featureFlags\": {\"teleport\": true}} | UNKNOWN_FIELD | featureFlags.teleport",
            "missing name              | {\"orgType\": \"education\"}                       | VALIDATION_FAILED | name",
            "blank name                | {\"name\": \"  \", \"orgType\": \"education\"}     | VALIDATION_FAILED | name",
            "missing orgType           | {\"name\": \"x\"}                                  | VALIDATION_FAILED | orgType",
            "unknown time zone         | {\"name\": \"x\", \"orgType\": \"education\", \"settings\": {\"timezone\": \"Mars/Olympus\"}} | VALIDATION_FAILED | settings.timezone",
            "bad language tag          | {\"name\": \"x\", \"orgType\": \"education\", \"settings\": {\"defaultLanguage\": \"english!\"}} | VALIDATION_FAILED | settings.defaultLanguage",
            "bad retention duration    | {\"name\": \"x\", \"orgType\": \"education\", \"retentionPolicy\": {\"recordings\": \"36501d\"}} | VALIDATION_FAILED | retentionPolicy.recordings",
            "bad domain                | {\"name\": \"x\", \"orgType\": \"education\", \"allowedDomains\": [\"-bad-.com\"]} | VALIDATION_FAILED | allowedDomains[0]",
            "bad payer id              | {\"name\": \"x\", \"orgType\": \"education\", \"payerUserId\": \"bob\"} | VALIDATION_FAILED | payerUserId",
            "empty body                | ''                                                 | VALIDATION_FAILED | $",
    })
    void badInputIsA400ProblemAndCreatesNothing(String label, String body, String code, String field) {
        long before = orgCount();
        given().contentType(ContentType.JSON).auth().oauth2(ADMIN).body(body)
                .when().post("/api/orgs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo(code))
                .body("type", equalTo("https://cognita.dev/problems/" + code.toLowerCase().replace('_', '-')))
                .body("requestId", notNullValue())
                .body("errors.field", hasItem(field));
        assertEquals(before, orgCount());
    }

    @Test
    void aWrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).auth().oauth2(ADMIN).body("name=x")
                .when().post("/api/orgs")
                .then().statusCode(415).contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void anOversizeBodyIsRefused() {
        ObjectNode body = createBody();
        body.put("name", "x".repeat(2 * 1024 * 1024));
        given().contentType(ContentType.JSON).auth().oauth2(ADMIN).body(body.toString())
                .when().post("/api/orgs")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("errors.field", hasItem("$"));
    }

    @Test
    void theRequestIdIsEchoed() {
        given().contentType(ContentType.JSON).auth().oauth2(ADMIN).header("X-Request-ID", "trace-abc-123")
                .body("{}")
                .when().post("/api/orgs")
                .then().statusCode(400).header("X-Request-ID", "trace-abc-123").body("requestId", equalTo("trace-abc-123"));
    }

    @Test
    void anIdempotentRetryReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        String body = createBody().toString();
        Response first = given().contentType(ContentType.JSON).auth().oauth2(ADMIN).header("Idempotency-Key", key)
                .body(body).when().post("/api/orgs");
        first.then().statusCode(200).header("Idempotent-Replayed", nullValue());
        Response second = given().contentType(ContentType.JSON).auth().oauth2(ADMIN).header("Idempotency-Key", key)
                .body(body).when().post("/api/orgs");
        second.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), second.asString());

        given().contentType(ContentType.JSON).auth().oauth2(ADMIN).header("Idempotency-Key", key)
                .body(createBody().toString()).when().post("/api/orgs")
                .then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void racingDuplicatesCreateOneOrganizationAndGetOneBody() throws Exception {
        String key = UUID.randomUUID().toString();
        ObjectNode body = createBody();
        String name = body.get("name").asText();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> given().contentType(ContentType.JSON).auth().oauth2(ADMIN)
                        .header("Idempotency-Key", key).body(body.toString()).when().post("/api/orgs"));
            }
            Set<String> bodies = new HashSet<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertEquals(200, r.statusCode(), r.asString());
                bodies.add(r.asString());
            }
            assertEquals(1, bodies.size());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(ADMIN).queryParam("q", name).when().get("/api/orgs")
                .then().statusCode(200).body("data.size()", is(1));
    }

    @Test
    void orgCreatedIsPublishedToKafka() {
        try (EventTap tap = new EventTap("cognita.org")) {
            String orgId = OrgFixtures.createOrg();
            JsonNode event = tap.await(e -> "org.created".equals(e.path("type").asText())
                    && orgId.equals(e.path("orgid").asText()), Duration.ofSeconds(20)).orElseThrow(
                    () -> new AssertionError("no org.created for " + orgId));
            assertEquals("1.0", event.path("specversion").asText());
            assertEquals(orgId, event.path("_key").asText());
            assertEquals("org/" + orgId, event.path("subject").asText());
            assertEquals(orgId, event.at("/data/orgId").asText());
            assertEquals("enterprise_edu", event.at("/data/billingPlan").asText());
            assertEquals(1000, event.at("/data/entitlements/maxWorkspaces").asInt(), "the plan's entitlements ride along");
            assertTrue(event.hasNonNull("requestid"));
        }
    }

    private long orgCount() {
        return QuarkusTransaction.requiringNew().call(orgs::count);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
