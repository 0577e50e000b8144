package io.cognita.platform.openapi;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

/** Every service's OpenAPI document says what its errors look like. */
@QuarkusTest
class ProblemResponsesFilterTest {

    @Test
    void everyOperationDocumentsItsErrorsAsProblems() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Problem.required", hasItems("type", "title", "status", "code"))
                .body("components.schemas.Problem.properties.errors.items.properties.field", notNullValue())
                .body("paths.'/api/test/whoami'.get.responses.default.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));
    }
}
