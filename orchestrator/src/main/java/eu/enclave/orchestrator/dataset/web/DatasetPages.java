package eu.enclave.orchestrator.dataset.web;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.dataset.Dataset;
import eu.enclave.orchestrator.dataset.DatasetService;
import eu.enclave.orchestrator.dataset.SensitivityTier;
import eu.enclave.orchestrator.portal.FormErrors;
import eu.enclave.orchestrator.portal.Notice;
import eu.enclave.orchestrator.portal.PortalController;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dataset catalogue page: admins and stewards read it, admins register datasets there. Changing and retiring
 * a dataset is done through the API.
 */
@PortalController
class DatasetPages {

    private static final Map<String, String> KNOWN_REFUSALS = Map.of("name.409", "datasets.error.nameTaken");
    private static final List<String> SOURCE_KINDS = List.of("nfs", "csi", "persistent-volume");

    private final DatasetService datasets;
    private final AccessPolicy policy;

    DatasetPages(DatasetService datasets, AccessPolicy policy) {
        this.datasets = datasets;
        this.policy = policy;
    }

    @GetMapping("/admin/datasets")
    String catalogue(CurrentUser user, Model model) {
        if (!model.containsAttribute(DatasetForm.NAME)) {
            model.addAttribute(DatasetForm.NAME, new DatasetForm());
        }
        return page(user, model);
    }

    @PostMapping("/admin/datasets")
    String register(CurrentUser user, @ModelAttribute(DatasetForm.NAME) DatasetForm form, BindingResult result,
                    Model model, RedirectAttributes redirect, HttpServletResponse response) {
        policy.checkCanManageDatasets(user);
        var input = form.toInput(result);
        if (!result.hasErrors()) {
            try {
                Dataset registered = datasets.register(user, input);
                redirect.addFlashAttribute(Notice.FLASH, Notice.success("datasets.registered", registered.name()));
                return "redirect:/admin/datasets";
            } catch (ApiException e) {
                if (!FormErrors.isFixable(e)) {
                    throw e;
                }
                FormErrors.reject(result, e, DatasetForm.FIELDS, KNOWN_REFUSALS);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(user, model);
    }

    private String page(CurrentUser user, Model model) {
        model.addAttribute("datasets", datasets.list(user));
        model.addAttribute("canRegister", policy.canManageDatasets(user));
        model.addAttribute("tiers", SensitivityTier.values());
        model.addAttribute("sourceKinds", SOURCE_KINDS);
        return "admin/datasets";
    }
}
