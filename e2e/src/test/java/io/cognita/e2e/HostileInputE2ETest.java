package io.cognita.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fuzzer driven by the merged OpenAPI: every operation, called as a system admin with hostile values in
 * each path parameter, each query parameter and the body (wrong types, huge and odd unicode strings, NUL,
 * unpaired surrogates, deep nesting, junk JSON, bad ids). Nothing may answer 5xx: bad input is the
 * caller's fault (4xx), never a fault of ours.
 */
@ExtendWith(SuiteExtension.class)
class HostileInputE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** Raw (already percent-encoded where needed) values for path and query parameters. */
    private static final List<String> HOSTILE_PARAMETERS = List.of(
            "x", "%00", "%E2%80%AE%00", "%ED%A0%80", "eB95", "-1", "99999999999999999999999", "..%2F..%2Fetc",
            "%27%3B%20DROP%20TABLE%20organizations%3B--", "a".repeat(5000), enc("\u202e\u0000\ud83d\ude00"),
            UUID.randomUUID().toString(), "true", "%7B%7D", "null");
    private static final List<String> HOSTILE_BODIES = List.of(
            "{", "[]", "\"text\"", "42", "null", "{\"a\":" .repeat(2000) + "1" + "}".repeat(2000),
            "{\"name\":\"a\\u0000b\",\"email\":\"\\ud800@x.org\"}", "{\"name\":" + "\"" + "x".repeat(100_000) + "\"}",
            "{\"email\":123,\"role\":[],\"token\":{},\"password\":false,\"limit\":\"ten\"}", "\u0000\u0001garbage");

    @Test
    void noOperationAnswers5xxToHostileInput() throws Exception {
        Suite suite = Suite.shared();
        String admin = given().contentType("application/json")
                .body(Map.of("email", suite.adminEmail, "password", suite.adminPassword))
                .when().post(Suite.GATEWAY + "/api/auth/login").then().statusCode(200).extract().path("data.accessToken");
        JsonNode paths = JSON.readTree(Files.readString(suite.openApiDocument())).path("paths");
        List<String> faults = new ArrayList<>();
        int[] limited = {0};
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode() || isSessionEnding(path.getKey())) {
                    continue;
                }
                for (String value : HOSTILE_PARAMETERS) {
                    calls++;
                    check(faults, limited, method, path.getKey().replaceAll("\\{[^}]+}", value), null, admin);
                    for (JsonNode parameter : operation.path("parameters")) {
                        if ("query".equals(parameter.path("in").asText())) {
                            calls++;
                            check(faults, limited, method, concrete(path.getKey()) + "?" + parameter.path("name").asText() + "=" + value,
                                    null, admin);
                        }
                    }
                }
                if (operation.has("requestBody")) {
                    for (String body : HOSTILE_BODIES) {
                        calls++;
                        check(faults, limited, method, concrete(path.getKey()), body, admin);
                    }
                }
            }
        }
        assertTrue(calls > 500, "the fuzzer made only " + calls + " calls");
        assertTrue(limited[0] < calls / 20, limited[0] + " of " + calls + " calls were rate limited: they never reached a service");
        assertEquals(List.of(), faults, faults.size() + " of " + calls + " hostile calls answered 5xx");
    }

    /** Logging out or deleting the account would end the fuzzer's own session; their bad input is covered elsewhere. */
    private static boolean isSessionEnding(String path) {
        return path.endsWith("/logout") || path.endsWith("/delete-account");
    }

    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static void check(List<String> faults, int[] limited, String method, String pathAndQuery, String body, String token) {
        RequestSpecification request = given().noFilters().urlEncodingEnabled(false).auth().oauth2(token);
        if (body != null) {
            request.contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        }
        Response response;
        try {
            response = request.when().request(method.toUpperCase(), Suite.GATEWAY + pathAndQuery);
        } catch (Exception e) {
            // a connection closed under a request that is still being sent: no answer reached the client
            faults.add(method.toUpperCase() + " " + abbreviate(pathAndQuery) + (body == null ? "" : " body " + abbreviate(body))
                    + " → no answer: " + e);
            return;
        }
        if (response.statusCode() == 429) {
            limited[0]++;
        }
        if (response.statusCode() >= 500) {
            faults.add(method.toUpperCase() + " " + abbreviate(pathAndQuery) + (body == null ? "" : " body " + abbreviate(body))
                    + " → " + response.statusCode() + " " + abbreviate(response.asString()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…(" + text.length() + ")";
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
