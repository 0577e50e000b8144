package io.cognita.org;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cognita.org.domain.OrgRole;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every org-service endpoint against every kind of caller, each cell on an organization of its own so that
 * an allowed write cannot change what the next cell sees. The expected codes are the contract's "who"
 * column: 401 without a token; 404 for an org the caller cannot see (never 403, which would tell that it
 * exists); 403 for a member or a token that lacks the role or scope.
 */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
@QuarkusTestResource(DnsServerResource.class)
class AuthorizationMatrixTest {

    enum Caller { SYSTEM_ADMIN, PROVISIONING_TOKEN, OWNER, ADMIN, MEMBER, OTHER_ORG_OWNER, ANONYMOUS }

    /** What a cell works on: a fresh org with an owner, an admin and a member. */
    record Org(String id, String owner, String admin, String member, String invitation) {
    }

    record Endpoint(String method, String path, Function<Org, String> body, String contentType) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Inject
    OrgFixtures fixtures;

    private static String otherOrgOwner;

    static Stream<Arguments> matrix() {
        List<Object[]> rows = List.of(
                // endpoint                                                              SYS  PROV OWNR ADMN MEMB OTHR ANON
                row(post("/api/orgs", org -> OrgFixtures.createBody().toString()), 200, 200, 403, 403, 403, 403, 401),
                row(get("/api/orgs"), 200, 200, 200, 200, 200, 200, 401),
                row(get("/api/orgs/{org}"), 200, 404, 200, 200, 200, 404, 401),
                row(put("/api/orgs/{org}/update", org -> updateBody()), 200, 404, 200, 200, 403, 404, 401),
                row(get("/api/orgs/{org}/settings"), 200, 404, 200, 200, 200, 404, 401),
                row(patch("/api/orgs/{org}/settings", "{\"timezone\":\"Europe/Paris\"}"), 200, 404, 200, 200, 403, 404, 401),
                row(delete("/api/orgs/{org}"), 200, 404, 200, 403, 403, 404, 401),
                row(post("/api/orgs/{org}/suspend", org -> "{\"reason\":\"unpaid invoice\"}"), 200, 403, 403, 403, 403, 403, 401),
                row(post("/api/orgs/{org}/resume?suspended", org -> "{\"reason\":\"paid\"}"), 200, 403, 403, 403, 403, 403, 401),
                row(get("/api/orgs/{org}/retention"), 200, 404, 200, 200, 200, 404, 401),
                row(post("/api/orgs/{org}/retention", org -> RETENTION), 200, 404, 200, 200, 403, 404, 401),
                row(patch("/api/orgs/{org}/retention", "{\"chatLogs\":\"90d\"}"), 200, 404, 200, 200, 403, 404, 401),
                row(get("/api/orgs/{org}/audit-logs"), 200, 404, 200, 200, 403, 404, 401),
                row(get("/api/orgs/{org}/domains"), 200, 404, 200, 200, 403, 404, 401),
                row(put("/api/orgs/{org}/domains", org -> "{\"domains\":[\"cognita.edu\",\"example.org\"]}"), 200, 404, 200, 200, 403, 404, 401),
                row(post("/api/orgs/{org}/domains/cognita.edu/verify", org -> null), 200, 404, 200, 200, 403, 404, 401),
                row(get("/api/orgs/{org}/members"), 200, 404, 200, 200, 403, 404, 401),
                row(post("/api/orgs/{org}/members", org -> "{\"email\":\"new-" + UUID.randomUUID() + "@example.org\",\"role\":\"member\"}"),
                        202, 404, 202, 202, 403, 404, 401),
                row(patch("/api/orgs/{org}/members/{member}", "{\"role\":\"admin\"}"), 200, 404, 200, 200, 403, 404, 401),
                row(delete("/api/orgs/{org}/members/{member}"), 200, 404, 200, 200, 403, 404, 401),
                row(get("/api/orgs/{org}/invitations"), 200, 404, 200, 200, 403, 404, 401),
                row(delete("/api/orgs/{org}/invitations/{invitation}"), 200, 404, 200, 200, 403, 404, 401),
                row(get("/api/orgs/{org}/billing"), 200, 404, 200, 200, 403, 404, 401),
                row(post("/api/orgs/{org}/billing/plan", org -> "{\"plan\":\"pro\"}"), 200, 404, 200, 403, 403, 404, 401),
                row(put("/api/orgs/{org}/billing/payment-method",
                        org -> "{\"reference\":\"pm_123\",\"brand\":\"visa\",\"last4\":\"4242\"}"), 200, 404, 200, 403, 403, 404, 401),
                row(post("/api/orgs/{org}/billing/invoices/2025-09", org -> null), 200, 403, 403, 403, 403, 403, 401),
                row(get("/api/config/feature-flags?orgId={org}"), 200, 404, 200, 200, 200, 404, 401),
                row(get("/api/config/configs?orgId={org}"), 200, 404, 200, 200, 200, 404, 401),
                row(get("/api/config/tenant-defaults"), 200, 200, 200, 200, 200, 200, 401),
                row(get("/api/config/audit-logs"), 200, 403, 403, 403, 403, 403, 401),
                row(patch("/api/config/tenant-defaults", "{\"orgType\":\"nonprofit\"}"), 200, 403, 403, 403, 403, 403, 401));
        return rows.stream().flatMap(r -> Arrays.stream(Caller.values())
                .map(c -> Arguments.of(r[0], c, ((int[]) r[1])[c.ordinal()])));
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void callerGetsTheContractsAnswer(Endpoint endpoint, Caller caller, int expected) {
        Org org = newOrg();
        if (endpoint.path().contains("?suspended")) {
            given().auth().oauth2(OrgFixtures.ADMIN).contentType("application/json").body("{\"reason\":\"unpaid\"}")
                    .when().post("/api/orgs/" + org.id() + "/suspend").then().statusCode(200);
        }
        String path = endpoint.path().replace("?suspended", "").replace("{org}", org.id()).replace("{member}", org.member())
                .replace("{invitation}", org.invitation());
        RequestSpecification request = given().urlEncodingEnabled(false);
        String token = token(caller, org);
        if (token != null) {
            request.auth().oauth2(token);
        }
        String body = endpoint.body().apply(org);
        if (body != null) {
            request.contentType(endpoint.contentType()).body(body);
        }
        int status = request.when().request(endpoint.method(), path).then().extract().statusCode();
        assertEquals(expected, status, endpoint + " as " + caller);
    }

    private Org newOrg() {
        String orgId = OrgFixtures.createOrg();
        String invitation = given().auth().oauth2(OrgFixtures.ADMIN).contentType("application/json")
                .body("{\"email\":\"invited-" + UUID.randomUUID() + "@example.org\",\"role\":\"member\"}")
                .when().post("/api/orgs/" + orgId + "/members").then().statusCode(202).extract().path("data.invitationId");
        Org org = new Org(orgId, TestTokens.newUserId(), TestTokens.newUserId(), TestTokens.newUserId(), invitation);
        fixtures.addMember(orgId, org.owner(), OrgRole.OWNER);
        fixtures.addMember(orgId, org.admin(), OrgRole.ADMIN);
        fixtures.addMember(orgId, org.member(), OrgRole.MEMBER);
        return org;
    }

    private String token(Caller caller, Org org) {
        return switch (caller) {
            case SYSTEM_ADMIN -> OrgFixtures.ADMIN;
            case PROVISIONING_TOKEN -> TestTokens.withScope("pt-" + UUID.randomUUID(), "org:provision");
            case OWNER -> TestTokens.user(org.owner());
            case ADMIN -> TestTokens.user(org.admin());
            case MEMBER -> TestTokens.user(org.member());
            case OTHER_ORG_OWNER -> TestTokens.user(otherOrgOwner());
            case ANONYMOUS -> null;
        };
    }

    private synchronized String otherOrgOwner() {
        if (otherOrgOwner == null) {
            otherOrgOwner = TestTokens.newUserId();
            fixtures.addMember(OrgFixtures.createOrg(), otherOrgOwner, OrgRole.OWNER);
        }
        return otherOrgOwner;
    }

    private static final String RETENTION = "{\"transcripts\":\"365d\",\"recordings\":\"180d\",\"chatLogs\":\"90d\","
            + "\"userData\":\"1825d\",\"examData\":\"3650d\"}";

    private static String updateBody() {
        ObjectNode body = OrgFixtures.seed("update-organization.request");
        body.put("name", "Org " + UUID.randomUUID());
        return body.toString();
    }

    private static Object[] row(Endpoint endpoint, int... expected) {
        return new Object[]{endpoint, expected};
    }

    private static Endpoint get(String path) {
        return new Endpoint("GET", path, org -> null, null);
    }

    private static Endpoint delete(String path) {
        return new Endpoint("DELETE", path, org -> null, null);
    }

    private static Endpoint post(String path, Function<Org, String> body) {
        return new Endpoint("POST", path, body, "application/json");
    }

    private static Endpoint put(String path, Function<Org, String> body) {
        return new Endpoint("PUT", path, body, "application/json");
    }

    private static Endpoint patch(String path, String body) {
        return new Endpoint("PATCH", path, org -> body, path.endsWith("/settings") ? "application/merge-patch+json" : "application/json");
    }
}
