package eu.enclave.orchestrator.workspace.cluster;

import eu.enclave.orchestrator.workspace.DatasetMount;
import eu.enclave.orchestrator.workspace.WorkspaceImage;
import eu.enclave.orchestrator.workspace.WorkspaceSize;
import java.util.List;
import java.util.UUID;

/**
 * The desired state of one workspace on the cluster: what {@link WorkspaceObjects} turns into objects.
 *
 * @param namespace       the project's namespace
 * @param owner           the owner's username, which names the home volume
 * @param running         replicas 1 when true, 0 when false
 * @param desktopPassword a freshly issued password to write into the desktop Secret, or null to leave the Secret
 *                        as it is (every reconcile but the one of a start)
 */
public record WorkspaceSpec(String namespace, UUID projectId, String slug, String name, String owner,
                            WorkspaceImage image, WorkspaceSize size, boolean running, List<DatasetMount> datasets,
                            String homeSize, String homeStorageClass, String desktopPassword) {

    public WorkspaceSpec {
        datasets = List.copyOf(datasets);
    }

    public WorkspaceSpec withPassword(String password) {
        return new WorkspaceSpec(namespace, projectId, slug, name, owner, image, size, running, datasets, homeSize,
                homeStorageClass, password);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "WorkspaceSpec[" + namespace + "/" + name + ", owner " + owner + ", " + image.id() + ", " + size
                + ", running " + running + ", datasets " + datasets + "]";
    }
}
