package io.cognita.org;

import io.cognita.org.domain.OrgRole;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.cognita.org.OrgFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every org-service endpoint that takes a body, fed bad input of every kind by an authorized caller: each is a
 * 400 (415 for a body that is not JSON) problem with a code, and none of them changes anything (the org and
 * its audit log read the same before and after).
 */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class BadInputTest {

    /** An endpoint, the content type it takes, and bad bodies of its own beyond the common ones. */
    record Endpoint(String method, String path, String contentType, List<String> ownBadBodies) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<String> COMMON_BAD_BODIES = List.of(
            "{",                       // malformed
            "[]",                      // not an object
            "\"text\"",                // a scalar
            "{\"unknownField\":1}");   // a field nobody knows

    @Inject
    OrgFixtures fixtures;

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("POST", "/api/orgs", "application/json", List.of("{\"name\":5,\"orgType\":\"education\"}",
                        "{\"name\":\"x\",\"orgType\":\"castle\"}", "{\"orgType\":\"education\"}")),
                new Endpoint("PUT", "/api/orgs/{org}/update", "application/json", List.of("{\"name\":\"\",\"orgType\":\"education\"}",
                        "{\"name\":\"x\",\"orgType\":\"education\",\"allowedDomains\":\"cognita.edu\"}")),
                new Endpoint("PATCH", "/api/orgs/{org}/settings", "application/merge-patch+json",
                        List.of("{\"timezone\":\"Mars/Olympus\"}", "{\"educationMode\":\"yes\"}", "{\"aiSummaries\":\"maximal\"}")),
                new Endpoint("POST", "/api/orgs/{org}/suspend", "application/json", List.of("{\"reason\":\"\"}", "{}")),
                new Endpoint("POST", "/api/orgs/{org}/retention", "application/json", List.of("{\"transcripts\":\"forever\"}",
                        "{\"recordings\":\"-5d\"}")),
                new Endpoint("PATCH", "/api/orgs/{org}/retention", "application/json", List.of("{\"chatLogs\":\"3 weeks\"}")),
                new Endpoint("PUT", "/api/orgs/{org}/domains", "application/json", List.of("{\"domains\":[\"bad..domain\"]}",
                        "{\"domains\":\"cognita.edu\"}", "{}")),
                new Endpoint("POST", "/api/orgs/{org}/members", "application/json", List.of("{\"email\":\"not-an-address\",\"role\":\"member\"}",
                        "{\"email\":\"a@example.org\",\"role\":\"emperor\"}", "{\"email\":\"a@example.org\"}")),
                new Endpoint("PATCH", "/api/orgs/{org}/members/{member}", "application/json", List.of("{\"role\":\"emperor\"}", "{}")),
                new Endpoint("POST", "/api/orgs/{org}/billing/plan", "application/json", List.of("{\"plan\":\"platinum\"}", "{}")),
                new Endpoint("PUT", "/api/orgs/{org}/billing/payment-method", "application/json",
                        List.of("{\"reference\":\"pm_1\",\"brand\":\"visa\",\"last4\":\"4242424242424242\"}",
                                "{\"reference\":\"pm 1; drop\",\"brand\":\"visa\",\"last4\":\"4242\"}")),
                new Endpoint("PUT", "/api/config/tenant-defaults", "application/json", List.of("{\"orgType\":\"education\",\"trialMonths\":-1}",
                        "{\"trialMonths\":2}", "{\"orgType\":\"education\",\"trialMonths\":2}")),
                new Endpoint("PATCH", "/api/config/tenant-defaults", "application/json", List.of("{\"orgType\":\"education\",\"trialMonths\":-1}",
                        "{\"trialMonths\":2}")),
                new Endpoint("POST", "/api/orgs/invitations/accept", "application/json", List.of("{}",
                        "{\"token\":\"t\",\"invitationId\":\"" + java.util.UUID.randomUUID() + "\"}", "{\"invitationId\":\"not-a-uuid\"}",
                        "{\"token\":\"" + "x".repeat(300) + "\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void badInputIsAProblemAndChangesNothing(Endpoint endpoint) {
        String orgId = OrgFixtures.createOrg();
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        String path = endpoint.path().replace("{org}", orgId).replace("{member}", member);
        String orgBefore = readOrg(orgId);
        int auditBefore = auditEntries(orgId);
        String defaultsBefore = given().auth().oauth2(ADMIN).when().get("/api/config/tenant-defaults").then().extract().asString();

        for (String body : Stream.concat(COMMON_BAD_BODIES.stream(), endpoint.ownBadBodies().stream()).toList()) {
            Response response = given().auth().oauth2(ADMIN).contentType(endpoint.contentType()).body(body)
                    .when().request(endpoint.method(), path);
            response.then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(400)).body("code", notNullValue());
        }
        given().auth().oauth2(ADMIN).contentType("text/plain").body("reason=unpaid")
                .when().request(endpoint.method(), path).then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));

        assertEquals(orgBefore, readOrg(orgId), endpoint + " changed the org");
        assertEquals(auditBefore, auditEntries(orgId), endpoint + " wrote to the audit log");
        assertEquals(defaultsBefore, given().auth().oauth2(ADMIN).when().get("/api/config/tenant-defaults").then().extract().asString(),
                endpoint + " changed the tenant defaults");
    }

    private static String readOrg(String orgId) {
        return given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId).then().statusCode(200).extract().path("data").toString();
    }

    private static int auditEntries(String orgId) {
        return given().auth().oauth2(ADMIN).queryParam("limit", 100).when().get("/api/orgs/" + orgId + "/audit-logs")
                .then().statusCode(200).extract().path("data.size()");
    }
}
