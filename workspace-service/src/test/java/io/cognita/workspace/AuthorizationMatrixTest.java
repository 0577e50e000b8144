package io.cognita.workspace;

import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every workspace-service endpoint against every kind of caller, each cell on fresh data: an org with a private
 * workspace that has an admin, a member and a peer member. 401 anonymous; 404 where the caller does not see the
 * org or the workspace; 403 where they see it but may not act. A system admin (the platform operator) reads and
 * changes nothing. Starting a meeting answers 503 to the callers it
 * lets through (this test runs no meeting-service), which shows that the decision was made before the call.
 */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class AuthorizationMatrixTest {

    enum Who { SYSTEM_ADMIN, ORG_OWNER, ORG_ADMIN, WORKSPACE_ADMIN, WORKSPACE_MEMBER, ORG_MEMBER_OUTSIDE, OTHER_ORG_OWNER, ANONYMOUS }

    record Cell(WorkspaceFixtures.Org org, String workspaceId, String workspaceAdmin, String workspaceMember, String peer) {
    }

    record Endpoint(String method, String path, Function<Cell, String> body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Inject
    WorkspaceFixtures fixtures;

    static Stream<Arguments> matrix() {
        List<Object[]> rows = List.of(
                // endpoint                                                              SYS  OWNR OADM WADM WMEM OUTS OTHR ANON
                row(get("/api/orgs/{org}/workspaces"),                                    200, 200, 200, 200, 200, 200, 404, 401),
                row(post("/api/orgs/{org}/workspaces", c -> "{\"name\":\"New\"}"),       403, 201, 201, 403, 403, 403, 404, 401),
                row(get("/api/workspaces/{ws}"),                                          200, 200, 200, 200, 200, 404, 404, 401),
                row(patch("/api/workspaces/{ws}", c -> "{\"name\":\"Renamed\"}"),        403, 200, 200, 200, 403, 404, 404, 401),
                row(delete("/api/workspaces/{ws}"),                                       403, 200, 200, 200, 403, 404, 404, 401),
                row(get("/api/workspaces/{ws}/members"),                                  200, 200, 200, 200, 200, 404, 404, 401),
                row(post("/api/workspaces/{ws}/members", c -> "{\"userId\":\"" + c.org().otherMember() + "\"}"),
                                                                                          403, 201, 201, 201, 403, 404, 404, 401),
                row(delete("/api/workspaces/{ws}/members/{peer}"),                        403, 200, 200, 200, 403, 404, 404, 401),
                row(post("/api/workspaces/{ws}/meetings", c -> "{\"title\":\"Standup\"}"), 403, 503, 503, 503, 503, 404, 404, 401));
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : rows) {
            for (Who who : Who.values()) {
                cells.add(Arguments.of(row[0], who, row[1 + who.ordinal()]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void cell(Endpoint endpoint, Who who, int expected) {
        WorkspaceFixtures.Org org = fixtures.org(10);
        String workspaceAdmin = TestTokens.newUserId();
        String workspaceMember = TestTokens.newUserId();
        String peer = TestTokens.newUserId();
        fixtures.addOrgMember(org.id(), workspaceAdmin, "member");
        fixtures.addOrgMember(org.id(), workspaceMember, "member");
        fixtures.addOrgMember(org.id(), peer, "member");
        String ws = WorkspaceFixtures.workspace(org.id(), org.owner(), "private");
        WorkspaceFixtures.addMember(ws, org.owner(), workspaceAdmin, "admin");
        WorkspaceFixtures.addMember(ws, org.owner(), workspaceMember, "member");
        WorkspaceFixtures.addMember(ws, org.owner(), peer, "member");
        Cell cell = new Cell(org, ws, workspaceAdmin, workspaceMember, peer);
        String otherOrgOwner = fixtures.org(1).owner();

        RequestSpecification request = given();
        String token = switch (who) {
            case SYSTEM_ADMIN -> TestTokens.systemAdmin();
            case ORG_OWNER -> TestTokens.user(org.owner());
            case ORG_ADMIN -> TestTokens.user(org.admin());
            case WORKSPACE_ADMIN -> TestTokens.user(workspaceAdmin);
            case WORKSPACE_MEMBER -> TestTokens.user(workspaceMember);
            case ORG_MEMBER_OUTSIDE -> TestTokens.user(org.member());
            case OTHER_ORG_OWNER -> TestTokens.user(otherOrgOwner);
            case ANONYMOUS -> null;
        };
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        String body = endpoint.body() == null ? null : endpoint.body().apply(cell);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        String path = endpoint.path().replace("{org}", org.id().toString()).replace("{ws}", ws).replace("{peer}", peer);
        int status = request.when().request(endpoint.method(), path).then().extract().statusCode();
        assertEquals(expected, status, endpoint + " as " + who);
    }

    private static Object[] row(Endpoint endpoint, int... expected) {
        Object[] row = new Object[expected.length + 1];
        row[0] = endpoint;
        for (int i = 0; i < expected.length; i++) {
            row[i + 1] = expected[i];
        }
        return row;
    }

    private static Endpoint get(String path) {
        return new Endpoint("GET", path, null);
    }

    private static Endpoint delete(String path) {
        return new Endpoint("DELETE", path, null);
    }

    private static Endpoint post(String path, Function<Cell, String> body) {
        return new Endpoint("POST", path, body);
    }

    private static Endpoint patch(String path, Function<Cell, String> body) {
        return new Endpoint("PATCH", path, body);
    }
}
