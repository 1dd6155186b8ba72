package eu.enclave.egress.intake;

import eu.enclave.platform.web.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps each port to its own paths, before sign-in or anything else runs: the intake port serves
 * {@code /api/v1/intake/**} and nothing else (no health, no API document, no pages), and the people's port refuses
 * intake paths. Both refusals are a 404 problem, as for a path that does not exist.
 */
public class IntakePortFilter extends OncePerRequestFilter {

    public static final String PREFIX = "/api/v1/intake/";

    private final IntakeConnector connector;

    public IntakePortFilter(IntakeConnector connector) {
        this.connector = connector;
    }

    /**
     * Error dispatches on the intake port too: when the container itself ends a call in error (a body cut short while
     * it was read), the answer is a problem, not the people's port's error page.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            if (connector.isIntake(request.getLocalPort())) {
                writeError(request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        boolean intakePath = isIntakePath(request.getRequestURI()) && isIntakePath(servletPath(request));
        boolean mentionsIntake = startsLikeIntake(request.getRequestURI()) || startsLikeIntake(servletPath(request));
        if (connector.isIntake(request.getLocalPort())) {
            if (!intakePath) {
                Problems.write(request, response, HttpStatus.NOT_FOUND,
                        "The intake port serves only the intake API (/api/v1/intake/).");
                return;
            }
        } else if (mentionsIntake) {
            Problems.write(request, response, HttpStatus.NOT_FOUND,
                    "The intake API is served only on the intake port, to workspaces.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void writeError(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        Problems.write(request, response, status, status.is4xxClientError()
                ? "body: could not be read to its end (cut short or malformed); nothing was stored."
                : "The call could not be completed; nothing was stored.");
    }

    private static String servletPath(HttpServletRequest request) {
        String path = request.getServletPath();
        return request.getPathInfo() == null ? path : path + request.getPathInfo();
    }

    private static boolean isIntakePath(String path) {
        return path != null && path.startsWith(PREFIX) && path.length() > PREFIX.length();
    }

    private static boolean startsLikeIntake(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).replaceAll("/{2,}", "/")
                .startsWith("/api/v1/intake");
    }
}
