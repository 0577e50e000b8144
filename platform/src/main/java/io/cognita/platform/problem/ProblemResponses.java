package io.cognita.platform.problem;

import io.cognita.platform.request.RequestId;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Builds problem responses; the one place that knows their media type and extension members. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String code, String title, String detail, String instance,
                              List<FieldError> errors, Map<String, String> headers) {
        Problem problem = new Problem(Problem.typeFor(code), title, status, detail, instance, code,
                RequestId.current(), errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (headers != null) {
            headers.forEach(builder::header);
        }
        return builder.build();
    }

    public static Response of(ProblemException e, String instance) {
        return of(e.status(), e.code(), e.title(), e.getMessage(), instance, e.errors(), e.headers());
    }
}
