package eu.enclave.platform.security;

import eu.enclave.platform.identity.CurrentUser;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the signed-in {@link CurrentUser} as a parameter. */
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    private final CurrentUsers users;

    CurrentUserArgumentResolver(CurrentUsers users) {
        this.users = users;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CurrentUser.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return users.current().orElseThrow(() ->
                new AuthenticationCredentialsNotFoundException("no signed-in user for this request"));
    }
}
