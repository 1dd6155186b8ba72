package eu.enclave.platform.web;

import eu.enclave.platform.web.Problems.FieldProblem;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every failure of an API call to a problem response that names the field and the reason.
 * Messages are written here rather than passed through, so that no internal detail (class names,
 * SQL) reaches a client.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(Problems.of(e.status(), e.getMessage(), e.errors()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String reason = "cannot be read as " + describe(e.getRequiredType()) + ": '" + e.getValue() + "'";
        return bad(List.of(new FieldProblem(e.getName(), reason)));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return status(HttpStatus.UNAUTHORIZED, "Sign-in required.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return status(HttpStatus.FORBIDDEN, "Not allowed.");
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessResourceFailureException e) {
        log.error("Database unavailable during an API call", e);
        return status(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; nothing was changed. Retry later.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure of an API call", e);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(Problems.of(status,
                "Internal error; nothing was changed. The event was logged for the operators.", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), reason(f)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = List.of(new FieldProblem(e.getParameterName(), "is required"));
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem problem = unreadable(firstJacksonCause(e));
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, summary(List.of(problem)),
                List.of(problem)));
    }

    private static ResponseEntity<ProblemDetail> status(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, detail, List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        List<FieldProblem> errors = List.of(new FieldProblem(HttpHeaders.CONTENT_TYPE, "must be "
                + (supported.isEmpty() ? "a supported media type" : "one of " + supported)
                + (e.getContentType() == null ? "; none was sent" : "; was " + e.getContentType())));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers)
                .body(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, summary(errors), errors));
    }

    /**
     * Jackson's own exception carries the path to the offending field; Spring wraps it, and it may wrap a
     * parse error of its own (a date that does not exist), so the outermost Jackson cause is the one to read.
     */
    private static Throwable firstJacksonCause(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                return cause;
            }
        }
        return e.getMostSpecificCause();
    }

    private static ResponseEntity<ProblemDetail> bad(List<FieldProblem> errors) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, summary(errors), errors));
    }

    private static FieldProblem unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException e) {
            return new FieldProblem(path(e), "is not a known field; known fields are "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (cause instanceof InvalidFormatException e && e.getTargetType() == String.class) {
            return new FieldProblem(path(e), "must be text without NUL characters or unpaired surrogates");
        }
        if (cause instanceof InvalidFormatException e) {
            return new FieldProblem(path(e), "'" + e.getValue() + "' is not a valid " + describe(e.getTargetType()));
        }
        if (cause instanceof MismatchedInputException e && !e.getPath().isEmpty()) {
            return new FieldProblem(path(e), "has the wrong type: expected " + describe(e.getTargetType()));
        }
        if (cause instanceof StreamReadException) {
            return new FieldProblem("body", "is not well-formed JSON");
        }
        if (cause instanceof JacksonException e && !e.getPath().isEmpty()) {
            return new FieldProblem(path(e), "cannot be read");
        }
        return new FieldProblem("body", "is missing or is not a JSON object of the expected shape");
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value; allowed values are " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase()).collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO 8601)";
            case "UUID" -> "identifier (UUID)";
            case "Integer", "int", "Long", "long" -> "whole number";
            default -> type.getSimpleName();
        };
    }

    private static String reason(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String summary(List<FieldProblem> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
    }
}
