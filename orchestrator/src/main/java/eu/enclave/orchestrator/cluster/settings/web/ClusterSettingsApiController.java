package eu.enclave.orchestrator.cluster.settings.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import eu.enclave.orchestrator.cluster.Mirror;
import eu.enclave.orchestrator.cluster.settings.ClusterSettingsService;
import eu.enclave.orchestrator.cluster.settings.MirrorsInput;
import eu.enclave.orchestrator.cluster.settings.QuotaInput;
import eu.enclave.platform.identity.CurrentUser;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/projects/{slug}/quota} and {@code .../mirrors}: what a project may consume and reach. */
@RestController
@RequestMapping(path = "/api/v1/projects/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
class ClusterSettingsApiController {

    private final ClusterSettingsService settings;

    ClusterSettingsApiController(ClusterSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/quota")
    QuotaView quota(CurrentUser user, @PathVariable String slug) {
        return QuotaView.of(settings.quota(user, slug));
    }

    @PutMapping(path = "/quota", consumes = MediaType.APPLICATION_JSON_VALUE)
    QuotaView replaceQuota(CurrentUser user, @PathVariable String slug, @RequestBody QuotaInput quota) {
        return QuotaView.of(settings.replaceQuota(user, slug, quota));
    }

    @GetMapping("/mirrors")
    MirrorsView mirrors(CurrentUser user, @PathVariable String slug) {
        return new MirrorsView(settings.mirrors(user, slug));
    }

    @PutMapping(path = "/mirrors", consumes = MediaType.APPLICATION_JSON_VALUE)
    MirrorsView replaceMirrors(CurrentUser user, @PathVariable String slug, @RequestBody MirrorsInput mirrors) {
        return new MirrorsView(settings.replaceMirrors(user, slug, mirrors));
    }

    /** @param isDefault true while no quota is stored and {@code ProjectQuota.DEFAULT} applies */
    record QuotaView(String cpu, String memory, int gpus, int pods, int pvcs, String storage,
                     @JsonProperty("default") boolean isDefault) {

        static QuotaView of(ClusterSettingsService.Quota q) {
            return new QuotaView(q.quota().cpu(), q.quota().memory(), q.quota().gpus(), q.quota().pods(),
                    q.quota().pvcs(), q.quota().storage(), q.isDefault());
        }
    }

    record MirrorsView(List<Mirror> mirrors) {
    }
}
