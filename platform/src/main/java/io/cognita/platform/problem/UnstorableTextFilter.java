package io.cognita.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.platform.validation.TextSafety;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before any resource or database sees it, a request whose path, query or JSON body holds a NUL
 * or an unpaired surrogate: 400 {@code INVALID_CHARACTERS} naming where. Malformed JSON is left to the
 * body reader, which answers its own 400.
 */
public class UnstorableTextFilter {

    private final ObjectMapper json;

    public UnstorableTextFilter(ObjectMapper json) {
        this.json = json;
    }

    @ServerRequestFilter
    public Response refuseUnstorableText(ContainerRequestContext request) throws IOException {
        if (!TextSafety.isStorable(request.getUriInfo().getPath(true))) {
            return refuse(request, "$path");
        }
        for (Map.Entry<String, List<String>> param : request.getUriInfo().getQueryParameters(true).entrySet()) {
            if (!TextSafety.isStorable(param.getKey()) || param.getValue().stream().anyMatch(v -> !TextSafety.isStorable(v))) {
                return refuse(request, TextSafety.isStorable(param.getKey()) ? param.getKey() : "$query");
            }
        }
        MediaType type = request.getMediaType();
        if (request.hasEntity() && type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            String field = unstorableField(new ByteArrayInputStream(body));
            if (field != null) {
                return refuse(request, field);
            }
        }
        return null;
    }

    /** The first field whose name or string value is not storable, or null (also for malformed JSON). */
    private String unstorableField(InputStream body) {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) && !TextSafety.isStorable(parser.getText())) {
                    String at = parser.getParsingContext().pathAsPointer().toString();
                    return at.isEmpty() ? "$" : at.substring(1).replace('/', '.');
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Response refuse(ContainerRequestContext request, String field) {
        return ProblemResponses.of(400, "INVALID_CHARACTERS", "Invalid request",
                "Text may not contain NUL characters or unpaired surrogates.", request.getUriInfo().getRequestUri().getRawPath(),
                List.of(new FieldError(field, "contains a NUL character or an unpaired surrogate")), null);
    }
}
