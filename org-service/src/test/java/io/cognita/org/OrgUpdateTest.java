package io.cognita.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.cognita.org.domain.AuditEntry;
import io.cognita.org.domain.OrgRole;
import io.cognita.org.repository.AuditLogRepository;
import io.cognita.platform.testing.EventTap;
import io.cognita.platform.testing.JsonSubset;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.cognita.org.OrgFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class OrgUpdateTest {

    @Inject
    OrgFixtures fixtures;

    @Inject
    AuditLogRepository audit;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSeedUpdateGetsTheSeedResponse() {
        String orgId = OrgFixtures.createOrg();
        String response = given().contentType(ContentType.JSON).auth().oauth2(ADMIN)
                .body(OrgFixtures.seed("update-organization.request").toString())
                .when().put("/api/orgs/" + orgId + "/update")
                .then().statusCode(200).extract().asString();
        JsonNode actual = OrgFixtures.parse(response);
        assertEquals(List.of(), JsonSubset.differences(OrgFixtures.seed("update-organization.response"), actual, Set.of()));
        assertEquals(orgId, actual.at("/data/orgId").asText());
        // a full replace: settings and flags the body leaves out are back at the education defaults
        assertEquals("none", actual.at("/data/settings/lmsIntegration").asText());
        assertEquals(false, actual.at("/data/featureFlags/aiAttendee").asBoolean());
        assertEquals(List.of("cognita.edu"), List.of(actual.at("/data/allowedDomains/0").asText()));
        assertEquals(1, actual.at("/data/allowedDomains").size());
        // kept: payer, plan and trial
        assertEquals("u-9f8e7d6c-5b4a-3210-fedc-ba9876543210", actual.at("/data/payerUserId").asText());
        assertEquals("enterprise_edu", actual.at("/data/billingPlan").asText());
    }

    @Test
    void theUpdateIsAuditedWithBeforeAndAfter() {
        String orgId = OrgFixtures.createOrg();
        given().contentType(ContentType.JSON).auth().oauth2(ADMIN).header("X-Request-ID", "audit-" + orgId)
                .body(renamed("Renamed for audit"))
                .when().put("/api/orgs/" + orgId + "/update").then().statusCode(200);
        List<AuditEntry> entries = QuarkusTransaction.requiringNew().call(() -> audit.forOrg(UUID.fromString(orgId)));
        AuditEntry update = entries.stream().filter(e -> e.action.equals("org.updated")).findFirst().orElseThrow();
        assertEquals("org/" + orgId, update.target);
        assertEquals("audit-" + orgId, update.requestId);
        assertEquals("Renamed for audit", update.after.get("name"));
        assertEquals(update.before.get("orgId"), orgId);
    }

    @Test
    void theAuthorizationMatrix() {
        String orgId = OrgFixtures.createOrg();
        String owner = TestTokens.newUserId();
        String admin = TestTokens.newUserId();
        String member = TestTokens.newUserId();
        String outsider = TestTokens.newUserId();
        fixtures.addMember(orgId, owner, OrgRole.OWNER);
        fixtures.addMember(orgId, admin, OrgRole.ADMIN);
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        fixtures.addMember(OrgFixtures.createOrg(), outsider, OrgRole.OWNER);

        put(orgId, TestTokens.user(owner)).then().statusCode(200);
        put(orgId, TestTokens.user(admin)).then().statusCode(200);
        put(orgId, ADMIN).then().statusCode(200);
        put(orgId, TestTokens.user(member)).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        put(orgId, TestTokens.withScope(admin, "org:read")).then().statusCode(403);
        put(orgId, TestTokens.user(outsider)).then().statusCode(404).body("code", equalTo("ORG_NOT_FOUND"));
        given().contentType(ContentType.JSON).body(renamed("x")).when().put("/api/orgs/" + orgId + "/update")
                .then().statusCode(401);
    }

    @Test
    void unknownOrgMalformedIdAndBadBodies() {
        put(UUID.randomUUID().toString(), ADMIN).then().statusCode(404).body("code", equalTo("ORG_NOT_FOUND"));
        put("123", ADMIN).then().statusCode(400).body("code", equalTo("INVALID_ID"));

        String orgId = OrgFixtures.createOrg();
        String before = given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId).then().extract().path("data.name");
        given().contentType(ContentType.JSON).auth().oauth2(ADMIN)
                .body("{\"name\":\"New\",\"orgType\":\"education\",\"settings\":{\"timezone\":\"Nowhere/Land\"}}")
                .when().put("/api/orgs/" + orgId + "/update")
                .then().statusCode(400).body("errors.field", hasItem("settings.timezone"));
        given().contentType(ContentType.JSON).auth().oauth2(ADMIN).body("{\"name\":\"New\",\"orgType\":\"education\",\"x\":1}")
                .when().put("/api/orgs/" + orgId + "/update")
                .then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId).then().body("data.name", equalTo(before));
    }

    @Test
    void anIdempotentUpdateReplays() {
        String orgId = OrgFixtures.createOrg();
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).auth().oauth2(ADMIN).header("Idempotency-Key", key)
                .body(renamed("Once")).when().put("/api/orgs/" + orgId + "/update").then().statusCode(200).extract().asString();
        given().contentType(ContentType.JSON).auth().oauth2(ADMIN).header("Idempotency-Key", key)
                .body(renamed("Once")).when().put("/api/orgs/" + orgId + "/update")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body(equalTo(first));
    }

    @Test
    void orgUpdatedIsPublished() {
        String orgId = OrgFixtures.createOrg();
        try (EventTap tap = new EventTap("cognita.org")) {
            put(orgId, ADMIN).then().statusCode(200);
            JsonNode event = tap.await(e -> "org.updated".equals(e.path("type").asText())
                    && orgId.equals(e.path("orgid").asText()), Duration.ofSeconds(20)).orElseThrow();
            assertEquals("Renamed", event.at("/data/name").asText());
        }
    }

    @Test
    void aRolledBackUpdatePublishesNothing() throws Exception {
        String orgId = OrgFixtures.createOrg();
        try (EventTap tap = new EventTap("cognita.org")) {
            // the audit insert of this org fails at commit, after the outbox row was written: all rolls back
            sql("CREATE OR REPLACE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.org_id = '" + orgId + "' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$");
            sql("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()");
            try {
                given().contentType(ContentType.JSON).auth().oauth2(ADMIN).body(renamed("Never committed"))
                        .when().put("/api/orgs/" + orgId + "/update")
                        .then().statusCode(500).contentType("application/problem+json");
            } finally {
                sql("DROP TRIGGER refuse_audit ON audit_log");
            }
            given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId).then().body("data.name", org.hamcrest.Matchers.startsWith("Org "));
            given().contentType(ContentType.JSON).auth().oauth2(ADMIN).body(renamed("Committed"))
                    .when().put("/api/orgs/" + orgId + "/update").then().statusCode(200);
            // events of one org are keyed by it and keep their order: the first org.updated must be the committed one
            JsonNode first = tap.await(e -> "org.updated".equals(e.path("type").asText())
                    && orgId.equals(e.path("orgid").asText()), Duration.ofSeconds(20)).orElseThrow();
            assertEquals("Committed", first.at("/data/name").asText());
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static io.restassured.response.Response put(String orgId, String token) {
        return given().contentType(ContentType.JSON).auth().oauth2(token).body(renamed("Renamed"))
                .when().put("/api/orgs/" + orgId + "/update");
    }

    private static String renamed(String name) {
        ObjectNode body = OrgFixtures.seed("update-organization.request");
        body.put("name", name);
        return body.toString();
    }
}
