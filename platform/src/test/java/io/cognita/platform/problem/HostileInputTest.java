package io.cognita.platform.problem;

import io.cognita.platform.paging.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** NUL and unpaired surrogates anywhere, and cursors that were not issued, are 400s before anything else sees them. */
@QuarkusTest
class HostileInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"a\\u0000b\"}", "{\"name\":\"\\ud800\"}", "{\"name\":\"ok\",\"extra\":{\"k\":[\"\\udc00x\"]}}",
            "{\"name\":\"ok\",\"extra\":{\"bad\\u0000key\":1}}"})
    void aBodyWithUnstorableTextIsRefused(String body) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/test/echo").then().statusCode(400)
                .body("code", equalTo("INVALID_CHARACTERS"));
    }

    @Test
    void storableUnicodeIsEchoed() {
        given().contentType(ContentType.JSON).body("{\"name\":\"\u202e caf\u00e9 \ud83d\ude00\"}").when().post("/api/test/echo")
                .then().statusCode(200).body("name", equalTo("\u202e caf\u00e9 \ud83d\ude00"));
    }

    @Test
    void aQueryOrPathWithNulIsRefused() {
        given().urlEncodingEnabled(false).when().get("/api/test/echo/word?q=%E2%80%AE%00").then().statusCode(400)
                .body("code", equalTo("INVALID_CHARACTERS"));
        given().urlEncodingEnabled(false).when().get("/api/test/echo/a%00b").then().statusCode(400)
                .body("code", equalTo("INVALID_CHARACTERS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eB95", "!!!", "AAAA", "x", "eB95eB95eB95", "%00"})
    void aCursorNotIssuedIsInvalidCursor(String cursor) {
        given().queryParam("cursor", cursor).when().get("/api/test/echo/page/items").then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void anIssuedCursorIsRead() {
        String id = UUID.randomUUID().toString();
        given().queryParam("cursor", PageRequest.cursor("2025-10-22T14:30:00Z", id)).when().get("/api/test/echo/page/items")
                .then().statusCode(200).body("id", equalTo(id));
    }
}
