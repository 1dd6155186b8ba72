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
 * @param database        whether the pod mounts the database Secret (the project is linked to a database role)
 * @param databaseLogin   freshly leased credentials for that Secret, or null to leave it as it is
 */
public record WorkspaceSpec(String namespace, UUID projectId, String slug, String name, String owner,
                            WorkspaceImage image, WorkspaceSize size, boolean running, List<DatasetMount> datasets,
                            String homeSize, String homeStorageClass, String desktopPassword, boolean database,
                            DatabaseLogin databaseLogin) {

    /** Credentials leased for the project's data-warehouse role. {@link #toString()} leaves the password out. */
    public record DatabaseLogin(String username, String password) {

        @Override
        public String toString() {
            return "DatabaseLogin[" + username + "]";
        }
    }

    public WorkspaceSpec {
        datasets = List.copyOf(datasets);
    }

    /** A workspace without database credentials. */
    public WorkspaceSpec(String namespace, UUID projectId, String slug, String name, String owner, WorkspaceImage image,
                         WorkspaceSize size, boolean running, List<DatasetMount> datasets, String homeSize,
                         String homeStorageClass, String desktopPassword) {
        this(namespace, projectId, slug, name, owner, image, size, running, datasets, homeSize, homeStorageClass,
                desktopPassword, false, null);
    }

    public WorkspaceSpec withPassword(String password) {
        return new WorkspaceSpec(namespace, projectId, slug, name, owner, image, size, running, datasets, homeSize,
                homeStorageClass, password, database, databaseLogin);
    }

    /**
     * @param mounted whether the pod mounts the database Secret {@code ws-<name>-database}
     * @param login   fresh credentials to write into it, or null to leave it as it is
     */
    public WorkspaceSpec withDatabase(boolean mounted, DatabaseLogin login) {
        return new WorkspaceSpec(namespace, projectId, slug, name, owner, image, size, running, datasets, homeSize,
                homeStorageClass, desktopPassword, mounted, login);
    }

    /** Never prints a password. */
    @Override
    public String toString() {
        return "WorkspaceSpec[" + namespace + "/" + name + ", owner " + owner + ", " + image.id() + ", " + size
                + ", running " + running + ", datasets " + datasets + ", database " + database + "]";
    }
}
