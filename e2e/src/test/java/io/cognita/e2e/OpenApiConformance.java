package io.cognita.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every request the e2e tests make through the gateway, and its response, checked against the merged
 * OpenAPI document the gateway serves (Atlassian's swagger-request-validator): a response outside the
 * contract fails the test that got it. Operations seen are counted for the report.
 */
final class OpenApiConformance implements Filter {

    private final OpenApiInteractionValidator validator;
    private final String gateway;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    OpenApiConformance(String specUrl, String gateway) {
        // the gateway enforces security; tests that call without a token on purpose must still be checked
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(specUrl)
                .withLevelResolver(LevelResolver.create().withLevel("validation.request.security", ValidationReport.Level.IGNORE).build())
                .build();
        this.gateway = gateway;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String uri = request.getURI();
        if (!uri.startsWith(gateway + "/api/") || uri.startsWith(gateway + "/api/openapi") || uri.startsWith(gateway + "/api/docs")) {
            return response;
        }
        ValidationReport report = validator.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
        seen.add(request.getMethod() + " " + uri.substring(gateway.length()).replaceAll("\\?.*", ""));
        if (report.hasErrors()) {
            throw new AssertionError("outside the OpenAPI: " + request.getMethod() + " " + uri + " → " + response.statusCode()
                    + "\n" + report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "  " + m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n"))
                    + "\nbody: " + response.asString());
        }
        return response;
    }

    Set<String> seen() {
        return Set.copyOf(seen);
    }
}
