package eu.enclave.orchestrator.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The portal's session cookie (the sessions live in PostgreSQL, Spring Session JDBC). Its own name, since cookies
 * ignore ports and egress-review, on another port of the same host, must not share it. Made here rather than left to
 * Boot, whose serializer reads {@code server.servlet.session.cookie.*} only where it also configures an embedded
 * server, so that every context (and every test) sends the same cookie; the settings are the same ones.
 */
@Configuration(proxyBeanMethods = false)
class PortalSessionCookie {

    static final String NAME = "ENCLAVE_PORTAL_SESSION";

    @Bean
    DefaultCookieSerializer cookieSerializer(
            @Value("${server.servlet.session.cookie.secure:#{null}}") Boolean secure,
            @Value("${server.servlet.session.cookie.same-site:Lax}") String sameSite) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(NAME);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite(sameSite);
        if (secure != null) {
            cookie.setUseSecureCookie(secure); // unset: secure whenever the request came over TLS
        }
        return cookie;
    }
}
