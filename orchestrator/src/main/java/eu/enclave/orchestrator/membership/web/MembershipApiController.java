package eu.enclave.orchestrator.membership.web;

import eu.enclave.orchestrator.membership.Membership;
import eu.enclave.orchestrator.membership.MembershipService;
import eu.enclave.orchestrator.membership.NewMember;
import eu.enclave.platform.identity.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/projects/{slug}/members}: who belongs to a project. */
@RestController
@RequestMapping(path = "/api/v1/projects/{slug}/members", produces = MediaType.APPLICATION_JSON_VALUE)
class MembershipApiController {

    private final MembershipService memberships;
    private final Clock clock;

    MembershipApiController(MembershipService memberships, Clock clock) {
        this.memberships = memberships;
        this.clock = clock;
    }

    @GetMapping
    List<MemberView> list(CurrentUser user, @PathVariable String slug) {
        LocalDate today = LocalDate.now(clock);
        return memberships.list(user, slug).stream().map(m -> MemberView.of(m, today)).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MemberView> add(CurrentUser user, @PathVariable String slug, @Valid @RequestBody NewMember member) {
        Membership added = memberships.add(user, slug, member);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + slug + "/members/" + added.userId()))
                .body(MemberView.of(added, LocalDate.now(clock)));
    }

    @DeleteMapping("/{userId}")
    ResponseEntity<Void> remove(CurrentUser user, @PathVariable String slug, @PathVariable UUID userId) {
        memberships.remove(user, slug, userId);
        return ResponseEntity.noContent().build();
    }
}
