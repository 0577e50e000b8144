package io.cognita.platform.openapi;

import io.cognita.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Documents the error body of every operation of every service the same way: the {@code Problem} schema
 * (RFC 9457 with {@code code}, {@code requestId}, {@code errors}) on each declared 4xx/5xx response, a 400
 * where the operation takes input, and a {@code default} response for the rest.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema("Problem", problemSchema());
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(ProblemResponsesFilter::optionalMeansNullable);
        }
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::document));
    }

    private void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (isError(code) && response.getContent() == null) {
                    response.setContent(problemContent());
                }
            });
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput && !responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", problem("Invalid request: `errors` names each field (JSON path) and what is wrong"));
        }
        if (!responses.hasAPIResponse(APIResponses.DEFAULT)) {
            responses.setDefaultValue(problem("Any other error (401 without a valid token, 403, 404 for what the caller "
                    + "cannot see, 409, 422, 429, 5xx): a problem whose `code` says which"));
        }
    }

    /**
     * The services write every field of a body, null when it has no value; a property the schema does not
     * list as required may therefore be null, and the document says so (clients generate nullable types).
     */
    private static void optionalMeansNullable(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new java.util.LinkedHashMap<>(schema.getProperties());
        properties.forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null) {
                schema.addProperty(name, OASFactory.createSchema().addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                        .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
            } else if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                property.addType(Schema.SchemaType.NULL);
            }
        });
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.startsWith("4") || code.startsWith("5"));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", string, "message", string));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with Cognita's members code, requestId and errors")
                .required(List.of("type", "title", "status", "code"))
                .properties(Map.of(
                        "type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"),
                        "title", string,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", string,
                        "instance", string,
                        "code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .description("stable UPPER_SNAKE code clients switch on, e.g. ORG_NOT_FOUND"),
                        "requestId", string,
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)));
    }
}
