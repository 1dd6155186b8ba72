package eu.enclave.orchestrator.portal;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.security.CurrentUsers;
import eu.enclave.platform.security.DemoProperties;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout of every page needs: demo mode, whether the cluster is simulated, who is signed in, which header links they get, and the
 * page's own address for the language switch. Also applies to Boot's error controller, so that its error
 * page has the same header.
 */
@ControllerAdvice(annotations = PortalController.class, assignableTypes = ErrorController.class)
public class PortalLayout {

    /** Overridden by a handler that renders a page at another address than its own (a failed POST). */
    public static final String PAGE_PATH = "pagePath";

    private final DemoProperties demo;
    private final CurrentUsers users;
    private final AccessPolicy policy;
    private final boolean simulatedCluster;

    PortalLayout(DemoProperties demo, CurrentUsers users, AccessPolicy policy, ClusterConnection cluster) {
        this.demo = demo;
        this.users = users;
        this.policy = policy;
        this.simulatedCluster = cluster.simulated();
    }

    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        addTo(model.asMap(), request);
    }

    /** For views rendered outside a handler's model (exception handlers). */
    public void addTo(Map<String, Object> model, HttpServletRequest request) {
        Optional<CurrentUser> user = users.current();
        model.put("demoMode", demo.enabled());
        model.put("simulatedCluster", simulatedCluster);
        model.put("currentUser", user.orElse(null));
        model.put("canReadAudit", user.map(policy::canReadAudit).orElse(false));
        model.put("canReadDatasets", user.map(policy::canReadDatasets).orElse(false));
        model.put("supportedLanguages", PortalLocales.SUPPORTED.stream().map(l -> l.getLanguage()).toList());
        model.putIfAbsent(PAGE_PATH, pagePath(request));
    }

    /**
     * Where "this page in another language" points: the address of a GET, the home page after a POST (whose
     * address may answer only POST). Only paths of this site, so that the link never leaves it.
     */
    static String pagePath(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return "/";
        }
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original != null ? original.toString() : request.getRequestURI();
        String context = request.getContextPath();
        if (!context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        if (!uri.startsWith("/") || uri.startsWith("//") || uri.contains("\\")) {
            return "/";
        }
        return uri;
    }
}
