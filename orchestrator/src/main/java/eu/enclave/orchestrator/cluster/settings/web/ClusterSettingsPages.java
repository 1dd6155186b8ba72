package eu.enclave.orchestrator.cluster.settings.web;

import eu.enclave.orchestrator.cluster.settings.ClusterSettingsService;
import eu.enclave.orchestrator.cluster.settings.QuotaInput;
import eu.enclave.orchestrator.portal.FormErrors;
import eu.enclave.orchestrator.portal.Notice;
import eu.enclave.orchestrator.portal.PortalController;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quota form of a project's page (admins). Answers with a redirect to that page; a refused change goes back
 * with the form as typed and its errors, each beside its field. Mirrors are edited through the API only.
 */
@PortalController
class ClusterSettingsPages {

    private static final String PROJECT_PAGE = "redirect:/projects/{slug}";

    private final ClusterSettingsService settings;

    ClusterSettingsPages(ClusterSettingsService settings) {
        this.settings = settings;
    }

    @PostMapping("/projects/{slug}/quota")
    String replaceQuota(CurrentUser user, @PathVariable String slug, @ModelAttribute(QuotaForm.NAME) QuotaForm form,
                        BindingResult result, RedirectAttributes redirect) {
        QuotaInput input = form.toInput(result);
        if (!result.hasErrors()) {
            try {
                settings.replaceQuota(user, slug, input);
                redirect.addFlashAttribute(Notice.FLASH, Notice.success("cluster.quota.changed"));
                return PROJECT_PAGE + "#cluster-settings";
            } catch (ApiException e) {
                if (!FormErrors.isFixable(e)) {
                    throw e;
                }
                FormErrors.reject(result, e, QuotaForm.FIELDS, Map.of());
            }
        }
        redirect.addFlashAttribute(QuotaForm.NAME, form);
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + QuotaForm.NAME, result);
        redirect.addFlashAttribute(Notice.FLASH, Notice.error("cluster.quota.failed", null));
        return PROJECT_PAGE + "#quota-form";
    }
}
