package eu.enclave.orchestrator.portal;

import eu.enclave.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns a refusal met by a page into an error page with the matching status: 404 for a project that does
 * not exist or that the person may not see, 403, 409, 400. Applies to portal pages only; the platform's
 * {@code ApiExceptionHandler} answers the API with problem details. Anything unexpected goes on to Boot's
 * {@code /error}, which renders the same template.
 */
@ControllerAdvice(annotations = PortalController.class)
class PageErrors {

    static final String VIEW = "error";

    private final PortalLayout layout;

    PageErrors(PortalLayout layout) {
        this.layout = layout;
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e, HttpServletRequest request) {
        return page(e.status(), e.getMessage(), request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
        HandlerMethodValidationException.class})
    ModelAndView badRequest(Exception e, HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, null, request);
    }

    private ModelAndView page(HttpStatusCode status, String detail, HttpServletRequest request) {
        ModelAndView page = new ModelAndView(VIEW, status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        layout.addTo(page.getModel(), request);
        return page;
    }
}
