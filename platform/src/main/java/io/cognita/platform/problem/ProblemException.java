package io.cognita.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by any layer to answer with a problem response. {@code code} is the stable UPPER_SNAKE code
 * clients switch on; {@code headers} carries e.g. Retry-After.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String code, String title, String detail,
                            List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors;
        this.headers = headers == null ? Map.of() : headers;
    }

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, null, null);
    }

    public static ProblemException badRequest(String code, String detail, List<FieldError> errors) {
        return new ProblemException(400, code, "Invalid request", detail, errors, null);
    }

    public static ProblemException invalidField(String field, String message) {
        return badRequest("VALIDATION_FAILED", "The request is not valid.", List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String code, String title, String detail) {
        return new ProblemException(404, code, title, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "FORBIDDEN", "Forbidden", detail);
    }

    public static ProblemException conflict(String code, String title, String detail) {
        return new ProblemException(409, code, title, detail);
    }

    public int status() { return status; }
    public String code() { return code; }
    public String title() { return title; }
    public List<FieldError> errors() { return errors; }
    public Map<String, String> headers() { return headers; }
}
