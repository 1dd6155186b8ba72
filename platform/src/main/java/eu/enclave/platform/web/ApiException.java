package eu.enclave.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal the API reports as a problem response: the status says which kind, the errors say which fields. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<Problems.FieldProblem> errors;

    protected ApiException(HttpStatus status, String detail, List<Problems.FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problems.FieldProblem> errors() {
        return errors;
    }

    /** 400: the request names a field whose value cannot be accepted. */
    public static ApiException invalid(String field, String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, field + ": " + reason,
                List.of(new Problems.FieldProblem(field, reason)));
    }

    /** 404: the named thing does not exist, or the caller may not know that it does. */
    public static ApiException notFound(String field, String reason) {
        return new ApiException(HttpStatus.NOT_FOUND, reason, List.of(new Problems.FieldProblem(field, reason)));
    }

    /** 403: the caller is known but this is not theirs to do. */
    public static ApiException forbidden(String reason) {
        return new ApiException(HttpStatus.FORBIDDEN, reason, List.of());
    }

    /** 409: the request is well-formed but clashes with the current state. */
    public static ApiException conflict(String field, String reason) {
        return new ApiException(HttpStatus.CONFLICT, reason,
                field == null ? List.of() : List.of(new Problems.FieldProblem(field, reason)));
    }

    /** 503: a dependency the operation needs is unavailable; nothing was changed. */
    public static ApiException unavailable(String reason) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, reason, List.of());
    }
}
