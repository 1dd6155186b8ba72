package eu.enclave.orchestrator.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal speaks English and French: the browser's preference (Accept-Language) by default, and
 * {@code ?lang=fr|en} switches and is remembered in a cookie. Any other language falls back to English.
 */
@Configuration(proxyBeanMethods = false)
public class PortalLocales implements WebMvcConfigurer {

    /** In the order the language switch shows them; English is the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    public static final String PARAM = "lang";
    static final String COOKIE = "enclave-lang";

    /** The bean name is the one DispatcherServlet looks up (and which replaces Boot's default resolver). */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            protected Locale parseLocaleValue(String value) {
                return supported(value).orElse(null); // a tampered cookie means: no choice made
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(PortalLocales::preferred);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                return supported(value).orElseThrow(() -> new IllegalArgumentException("unsupported language"));
            }
        };
        change.setParamName(PARAM);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }

    /** The first supported language in the browser's list of preferences, else English. */
    static Locale preferred(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Locale.ENGLISH;
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            Optional<Locale> match = supported(wanted.getLanguage());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return Locale.ENGLISH;
    }

    static Optional<Locale> supported(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String language = value.strip().replace('_', '-').split("-", 2)[0];
        return SUPPORTED.stream().filter(l -> l.getLanguage().equalsIgnoreCase(language)).findFirst();
    }
}
