package eu.enclave.orchestrator.portal;

import eu.enclave.platform.security.CurrentUsers;
import eu.enclave.platform.security.DemoProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /login}: the demo form (Spring Security processes its POST) and one link per OIDC provider.
 * Errors and sign-out are reported through {@code ?error} and {@code ?logout}.
 */
@PortalController
class LoginPage {

    private final DemoProperties demo;
    private final ObjectProvider<ClientRegistrationRepository> oidc;
    private final CurrentUsers users;

    LoginPage(DemoProperties demo, ObjectProvider<ClientRegistrationRepository> oidc, CurrentUsers users) {
        this.demo = demo;
        this.oidc = oidc;
        this.users = users;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (users.current().isPresent()) {
            return "redirect:/";
        }
        model.addAttribute("demoUsers", demo.enabled() ? demo.users() : List.of());
        model.addAttribute("demoPassword", demo.enabled() ? demo.password() : null);
        model.addAttribute("providers", providers());
        return "login";
    }

    /** Provider links need the list of registrations, which only the in-memory repository can give. */
    private List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (oidc.getIfAvailable() instanceof InMemoryClientRegistrationRepository registrations) {
            for (ClientRegistration registration : registrations) {
                providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        return providers;
    }

    record Provider(String registrationId, String name) {
    }
}
