package eu.enclave.orchestrator.dataset.approval.web;

import eu.enclave.orchestrator.dataset.approval.Approval;
import eu.enclave.orchestrator.dataset.approval.ApprovalInput;
import eu.enclave.orchestrator.dataset.approval.ApprovalService;
import eu.enclave.orchestrator.dataset.approval.Revocation;
import eu.enclave.platform.identity.CurrentUser;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/projects/{slug}/dataset-approvals}: which datasets a project may read, and when. */
@RestController
@RequestMapping(path = "/api/v1/projects/{slug}/dataset-approvals", produces = MediaType.APPLICATION_JSON_VALUE)
class ApprovalApiController {

    private final ApprovalService approvals;
    private final Clock clock;

    ApprovalApiController(ApprovalService approvals, Clock clock) {
        this.approvals = approvals;
        this.clock = clock;
    }

    @GetMapping
    List<ApprovalView> list(CurrentUser user, @PathVariable String slug) {
        LocalDate today = LocalDate.now(clock);
        return approvals.list(user, slug).stream().map(a -> ApprovalView.of(a, today)).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApprovalView> approve(CurrentUser user, @PathVariable String slug,
                                         @RequestBody ApprovalInput input) {
        Approval approval = approvals.approve(user, slug, input);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + slug + "/dataset-approvals/" + approval.id()))
                .body(ApprovalView.of(approval, LocalDate.now(clock)));
    }

    @PostMapping(path = "/{id}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApprovalView revoke(CurrentUser user, @PathVariable String slug, @PathVariable UUID id,
                        @RequestBody Revocation revocation) {
        return ApprovalView.of(approvals.revoke(user, slug, id, revocation), LocalDate.now(clock));
    }
}
