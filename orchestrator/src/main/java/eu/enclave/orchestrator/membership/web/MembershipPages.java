package eu.enclave.orchestrator.membership.web;

import eu.enclave.orchestrator.membership.Membership;
import eu.enclave.orchestrator.membership.MembershipService;
import eu.enclave.orchestrator.membership.NewMember;
import eu.enclave.orchestrator.portal.FormErrors;
import eu.enclave.orchestrator.portal.FormValidator;
import eu.enclave.orchestrator.portal.Notice;
import eu.enclave.orchestrator.portal.PortalController;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Member actions of a project's page. Each answers with a redirect to that page (post/redirect/get); a refused
 * addition goes back with the form as typed and its errors. The project and the member come from the path.
 */
@PortalController
class MembershipPages {

    private static final Map<String, String> KNOWN_REFUSALS = Map.of(
            "username.400", "member.error.unknownUser",
            "username.409", "member.error.alreadyMember");

    /** The path's own slug, expanded and encoded by the redirect. */
    private static final String PROJECT_PAGE = "redirect:/projects/{slug}";

    private final MembershipService memberships;
    private final FormValidator validator;

    MembershipPages(MembershipService memberships, FormValidator validator) {
        this.memberships = memberships;
        this.validator = validator;
    }

    @PostMapping("/projects/{slug}/members")
    String add(CurrentUser user, @PathVariable String slug, @ModelAttribute(MemberForm.NAME) MemberForm form,
               BindingResult result, RedirectAttributes redirect) {
        NewMember member = form.toNewMember();
        validator.validate(member, result);
        if (!result.hasErrors()) {
            try {
                Membership added = memberships.add(user, slug, member);
                redirect.addFlashAttribute(Notice.FLASH, Notice.success("member.added", added.displayName(),
                        new DefaultMessageSourceResolvable("role." + added.role())));
                return PROJECT_PAGE;
            } catch (ApiException e) {
                if (!FormErrors.isFixable(e)) {
                    throw e;
                }
                FormErrors.reject(result, e, MemberForm.FIELDS, KNOWN_REFUSALS);
            }
        }
        redirect.addFlashAttribute(MemberForm.NAME, form);
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + MemberForm.NAME, result);
        redirect.addFlashAttribute(Notice.FLASH, Notice.error("member.add.failed", null));
        return PROJECT_PAGE + "#add-member";
    }

    @PostMapping("/projects/{slug}/members/{userId}/remove")
    String remove(CurrentUser user, @PathVariable String slug, @PathVariable UUID userId,
                  RedirectAttributes redirect) {
        try {
            memberships.remove(user, slug, userId);
            redirect.addFlashAttribute(Notice.FLASH, Notice.success("member.removed"));
        } catch (ApiException e) {
            if (!FormErrors.isFixable(e)) {
                throw e;
            }
            redirect.addFlashAttribute(Notice.FLASH, Notice.error("member.remove.failed", e.getMessage()));
        }
        return PROJECT_PAGE;
    }
}
