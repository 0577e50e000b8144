package io.cognita.org;

import io.cognita.platform.testing.TestJwksResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** org-service's OpenAPI document: its operations and what their errors look like. */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class OpenApiTest {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Test
    void operationsDocumentTheirErrorsAsProblems() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/orgs/{orgId}'.get.responses.default.content.'application/problem+json'.schema.'$ref'", equalTo(PROBLEM))
                .body("paths.'/api/orgs/{orgId}/suspend'.post.responses.'422'.content.'application/problem+json'.schema.'$ref'", equalTo(PROBLEM))
                .body("paths.'/api/orgs/{orgId}/settings'.patch.responses.'400'", notNullValue())
                .body("paths.'/api/config/audit-logs'.get.parameters.name", org.hamcrest.Matchers.hasItems("actor", "action", "from", "to", "limit", "cursor"));
    }
}
