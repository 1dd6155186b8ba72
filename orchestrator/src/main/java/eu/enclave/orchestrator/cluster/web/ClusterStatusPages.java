package eu.enclave.orchestrator.cluster.web;

import eu.enclave.orchestrator.cluster.status.ClusterStatusService;
import eu.enclave.orchestrator.portal.PortalController;
import eu.enclave.platform.identity.CurrentUser;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The project page's live cluster status, for the signed-in person's session (the API's status endpoint is
 * for API clients): the status block alone, which the page's script fetches when told of a change or, when
 * the stream fails, every few seconds; and the stream of changes. Both check access like the page itself.
 */
@PortalController
class ClusterStatusPages {

    static final String BLOCK = "projects/cluster-status :: content";

    private final ClusterStatusService statuses;
    private final ClusterStatusStreams streams;
    private final Clock clock;

    ClusterStatusPages(ClusterStatusService statuses, ClusterStatusStreams streams, Clock clock) {
        this.statuses = statuses;
        this.streams = streams;
        this.clock = clock;
    }

    @GetMapping("/projects/{slug}/cluster-status")
    String block(CurrentUser user, @PathVariable String slug, Model model) {
        model.addAttribute("clusterStatus", ClusterStatusPanel.of(statuses.status(user, slug), clock.getZone()));
        return BLOCK;
    }

    /** 429 when the person already holds the most streams allowed: the page then polls the block instead. */
    @GetMapping(path = "/projects/{slug}/cluster-status/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(CurrentUser user, @PathVariable String slug) {
        statuses.status(user, slug);
        return streams.open(slug, user.username())
                .map(emitter -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .header("X-Accel-Buffering", "no").body(emitter))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build());
    }
}
