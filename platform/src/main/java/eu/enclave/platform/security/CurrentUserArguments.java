package eu.enclave.platform.security;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/** Exposes the package-private resolver to the platform's MVC configuration. */
public final class CurrentUserArguments {

    private CurrentUserArguments() {
    }

    public static HandlerMethodArgumentResolver resolver(CurrentUsers users) {
        return new CurrentUserArgumentResolver(users);
    }
}
