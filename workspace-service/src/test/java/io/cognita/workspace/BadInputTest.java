package io.cognita.workspace;

import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.cognita.workspace.WorkspaceFixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every workspace-service endpoint that takes a body, fed bad input of every kind by an authorized caller: a 400
 * (415 for a body that is not JSON) problem with a code, and nothing changes (the org's workspaces and the
 * workspace's members read the same before and after).
 */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class BadInputTest {

    record Endpoint(String method, String path, String contentType, List<String> ownBadBodies) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<String> COMMON_BAD_BODIES = List.of("{", "[]", "\"text\"", "{\"unknownField\":1}", "null");

    @Inject
    WorkspaceFixtures fixtures;

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("POST", "/api/orgs/{org}/workspaces", "application/json", List.of("{}", "{\"name\":\"\"}",
                        "{\"name\":\"   \"}", "{\"name\":5}", "{\"name\":\"" + "x".repeat(201) + "\"}",
                        "{\"name\":\"ok\",\"visibility\":\"public\"}", "{\"name\":\"ok\",\"description\":\"" + "d".repeat(2001) + "\"}",
                        "{\"name\":\"nul\\u0000\"}")),
                new Endpoint("PATCH", "/api/workspaces/{ws}", "application/merge-patch+json", List.of("{\"name\":\"\"}",
                        "{\"name\":\"  \"}", "{\"visibility\":\"everyone\"}", "{\"name\":[\"a\"]}")),
                new Endpoint("POST", "/api/workspaces/{ws}/members", "application/json", List.of("{}", "{\"userId\":\"\"}",
                        "{\"userId\":\"u-1\",\"role\":\"owner\"}", "{\"userId\":\"" + "u".repeat(101) + "\"}")),
                new Endpoint("POST", "/api/workspaces/{ws}/meetings", "application/json", List.of("{}", "{\"title\":\"\"}",
                        "{\"title\":\"ok\",\"scheduledFor\":\"tomorrow\"}", "{\"title\":\"" + "t".repeat(201) + "\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void badInputIsAProblemAndChangesNothing(Endpoint endpoint) {
        WorkspaceFixtures.Org org = fixtures.org(10);
        String ws = WorkspaceFixtures.workspace(org.id(), org.owner(), "private");
        String path = endpoint.path().replace("{org}", org.id().toString()).replace("{ws}", ws);
        String before = state(org, ws);
        for (String body : Stream.concat(COMMON_BAD_BODIES.stream(), endpoint.ownBadBodies().stream()).toList()) {
            given().auth().oauth2(token(org.owner())).contentType(endpoint.contentType()).body(body)
                    .when().request(endpoint.method(), path)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(400)).body("code", notNullValue());
        }
        given().auth().oauth2(token(org.owner())).contentType("text/plain").body("name=x")
                .when().request(endpoint.method(), path).then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().auth().oauth2(TestTokens.systemAdmin()).contentType(endpoint.contentType()).body("{}")
                .when().request(endpoint.method(), endpoint.path().replace("{org}", "not-a-uuid").replace("{ws}", "not-a-uuid"))
                .then().statusCode(400);
        assertEquals(before, state(org, ws), endpoint + " changed something");
    }

    private static String state(WorkspaceFixtures.Org org, String ws) {
        String workspaces = given().auth().oauth2(token(org.owner())).when().get("/api/orgs/" + org.id() + "/workspaces")
                .then().statusCode(200).extract().path("data").toString();
        String members = given().auth().oauth2(token(org.owner())).when().get("/api/workspaces/" + ws + "/members")
                .then().statusCode(200).extract().path("data").toString();
        return workspaces + members;
    }
}
