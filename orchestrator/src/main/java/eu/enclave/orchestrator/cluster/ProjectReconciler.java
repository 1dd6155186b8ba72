package eu.enclave.orchestrator.cluster;

import eu.enclave.orchestrator.cluster.apply.ApplyResult;
import eu.enclave.orchestrator.cluster.apply.ClusterApplier;
import eu.enclave.orchestrator.cluster.apply.ClusterCallFailed;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import eu.enclave.orchestrator.cluster.apply.Pruner;
import eu.enclave.orchestrator.cluster.apply.Retrier;
import eu.enclave.orchestrator.cluster.apply.WorkloadScaler;
import eu.enclave.orchestrator.cluster.bundle.ProjectBundle;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps a project's namespace true to its desired state. Each run applies the whole bundle in its order and
 * then prunes what is no longer desired; it keeps no state between runs, so a run after a crash, an API
 * outage or a hand edit simply converges.
 *
 * <p>The first object that cannot be made right stops the applying, since later objects rely on earlier ones
 * (the namespace, then the default deny before any allowance); the outcome marks the rest SKIPPED. Pruning
 * still runs when the namespace itself is in order, because deleting an allowance only narrows access.
 */
public final class ProjectReconciler {

    private final ClusterSettings settings;
    private final ClusterApplier applier;
    private final Pruner pruner;
    private final WorkloadScaler scaler;
    private final ProjectTeardown teardown;
    private final Retrier retrier;
    private final Clock clock;

    public ProjectReconciler(KubernetesClient client, ClusterSettings settings, Retrier retrier, Clock clock) {
        this.settings = settings;
        this.applier = new ClusterApplier(client);
        this.pruner = new Pruner(client);
        this.scaler = new WorkloadScaler(client);
        this.teardown = new ProjectTeardown(client, retrier, clock);
        this.retrier = retrier;
        this.clock = clock;
    }

    public ReconcileOutcome reconcile(ProjectClusterSpec spec) {
        return reconcile(spec, Workspaces.MAY_RUN);
    }

    /** @param workspaces HELD_AT_ZERO (a suspended project) also scales its running workspaces to zero */
    public ReconcileOutcome reconcile(ProjectClusterSpec spec, Workspaces workspaces) {
        List<HasMetadata> desired = ProjectBundle.desired(spec, settings);
        String namespace = ClusterNames.namespace(settings.namespacePrefix(), spec.slug());
        Run run = new Run();
        for (HasMetadata object : desired) {
            run.apply(object);
        }
        if (run.results.get(0).converged()) {
            run.prune(namespace, spec.projectId(), desired.stream().map(ObjectRef::of).toList());
            if (workspaces == Workspaces.HELD_AT_ZERO) {
                run.scaleWorkspacesToZero(namespace, spec.projectId());
            }
        }
        return new ReconcileOutcome(spec.projectId(), namespace,
                run.failure == null ? ReconcileOutcome.State.READY : ReconcileOutcome.State.FAILED,
                run.results, run.pruned, run.failure, clock.instant(), run.scaled);
    }

    /** Deletes the project's namespace and everything in it, once its retention has ended. */
    public TeardownOutcome teardown(UUID projectId, String namespace) {
        return teardown.run(projectId, namespace);
    }

    /** Whether a namespace whose deletion was still going on is gone now; reads only. */
    public TeardownOutcome confirmTeardown(UUID projectId, String namespace) {
        return teardown.confirm(projectId, namespace);
    }

    /** One reconcile's progress: what was applied so far, and the first failure. */
    private final class Run {
        final List<ApplyResult> results = new ArrayList<>();
        final List<ObjectRef> pruned = new ArrayList<>();
        final List<ObjectRef> scaled = new ArrayList<>();
        ReconcileOutcome.Failure failure;

        void apply(HasMetadata object) {
            ObjectRef ref = ObjectRef.of(object);
            if (failure != null) {
                results.add(ApplyResult.skipped(ref, failure.object()));
                return;
            }
            try {
                ApplyResult result = retrier.call(() -> applier.apply(object));
                results.add(result);
                if (!result.converged()) {
                    fail(ref, result.reason(), null);
                }
            } catch (ClusterCallFailed error) {
                results.add(ApplyResult.failed(ref, error.reason()));
                fail(ref, error.reason(), error.apiMessage());
            }
        }

        /** Each deletion only narrows access, so one that fails does not hold back the others. */
        void prune(String namespace, UUID projectId, List<ObjectRef> desired) {
            List<HasMetadata> undesired;
            try {
                undesired = retrier.call(() -> pruner.undesired(namespace, projectId, desired));
            } catch (ClusterCallFailed error) {
                fail(null, "could not list the project's objects to prune: " + error.reason(), error.apiMessage());
                return;
            }
            for (HasMetadata object : undesired) {
                try {
                    if (retrier.call(() -> pruner.delete(object))) {
                        pruned.add(ObjectRef.of(object));
                    }
                } catch (ClusterCallFailed error) {
                    fail(ObjectRef.of(object), "could not prune it: " + error.reason(), error.apiMessage());
                }
            }
        }

        /** Like pruning, each scale-down only takes away, so one that fails does not hold back the others. */
        void scaleWorkspacesToZero(String namespace, UUID projectId) {
            List<HasMetadata> running;
            try {
                running = retrier.call(() -> scaler.workspacesToScaleDown(namespace, projectId));
            } catch (ClusterCallFailed error) {
                fail(null, "could not list the workspaces to scale to zero: " + error.reason(), error.apiMessage());
                return;
            }
            for (HasMetadata workload : running) {
                try {
                    if (retrier.call(() -> scaler.scaleToZero(workload))) {
                        scaled.add(ObjectRef.of(workload));
                    }
                } catch (ClusterCallFailed error) {
                    fail(ObjectRef.of(workload), "could not scale it to zero: " + error.reason(), error.apiMessage());
                }
            }
        }

        private void fail(ObjectRef object, String reason, String apiMessage) {
            if (failure == null) {
                failure = new ReconcileOutcome.Failure(object, reason, apiMessage);
            }
        }
    }
}
