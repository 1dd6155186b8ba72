package eu.enclave.orchestrator.cluster.web;

import eu.enclave.orchestrator.cluster.status.AppliedObject;
import eu.enclave.orchestrator.cluster.status.ClusterState;
import eu.enclave.orchestrator.cluster.status.ClusterStatusService;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What the project page's cluster status block shows; the page and the block's live refresh render it from
 * the same fragment ({@code projects/cluster-status}).
 *
 * @param state        null for a project that has no namespace and should have none (a draft, an archive)
 * @param reconciledAt       in the platform's time zone; null before the first reconcile
 * @param notApplyingBecause why nothing is being applied to the cluster at all; null while it is
 */
public record ClusterStatusPanel(String slug, String namespace, boolean onCluster, ClusterState state,
                                 String reason, ZonedDateTime reconciledAt, List<AppliedObject> objects,
                                 boolean simulated, String notApplyingBecause) {

    public static ClusterStatusPanel of(ClusterStatusService.View view, ZoneId zone) {
        return new ClusterStatusPanel(view.project(), view.namespace(), view.onCluster(),
                view.onCluster() ? view.state() : null, view.reason(),
                view.reconciledAt() == null ? null : view.reconciledAt().atZone(zone), view.objects(),
                view.simulated(), view.notApplyingBecause());
    }
}
