package eu.enclave.orchestrator.support;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Follows a redirect in the same portal session, as a browser does. The portal's sessions live in PostgreSQL
 * (Spring Session JDBC), so a flash attribute (a refused form and its errors, a notice) travels with the session
 * cookie; MockMvc's own {@code flashAttrs} would put it in a mock session the application never reads.
 */
public final class PortalSessions {

    public static final String COOKIE = "ENCLAVE_PORTAL_SESSION";

    private PortalSessions() {
    }

    public static RequestPostProcessor sameSession(MvcResult redirect) {
        Cookie cookie = redirect.getResponse().getCookie(COOKIE);
        if (cookie == null) {
            throw new AssertionError("the response set no " + COOKIE + " cookie: " + redirect.getResponse().getHeaderNames() + " " + redirect.getResponse().getHeaders("Set-Cookie") + java.util.Arrays.toString(redirect.getResponse().getCookies()) + " session " + redirect.getRequest().getSession(false));
        }
        return request -> {
            request.setCookies(cookie);
            return request;
        };
    }
}
