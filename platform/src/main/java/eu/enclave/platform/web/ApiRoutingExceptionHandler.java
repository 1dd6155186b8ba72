package eu.enclave.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.UrlPathHelper;

/**
 * API requests that reach no controller method (wrong content type or method, unknown path) fail while
 * Spring is still choosing the handler, where {@link ApiExceptionHandler} (scoped to REST controllers) does
 * not apply; they would otherwise get an empty or non-problem error body. Under {@code /api/} this answers
 * them the same way; anywhere else it rethrows, which leaves pages to the default error handling.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ApiRoutingExceptionHandler {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final ApiExceptionHandler api;

    public ApiRoutingExceptionHandler(ApiExceptionHandler api) {
        this.api = api;
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class,
        HttpRequestMethodNotSupportedException.class, NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Object> unrouted(Exception e, HttpServletRequest request, WebRequest webRequest) throws Exception {
        if (!PATHS.getPathWithinApplication(request).startsWith("/api/")) {
            throw e; // rethrowing the same exception hands it on to the next resolver
        }
        return api.handleException(e, webRequest);
    }
}
