package eu.enclave.orchestrator.workspace.cluster;

import eu.enclave.orchestrator.workspace.DatasetMount;
import eu.enclave.orchestrator.workspace.WorkspaceImage;
import eu.enclave.orchestrator.workspace.WorkspaceSize;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sample workspaces: every template kind the orchestrator knows, with and without GPU and datasets. */
final class WorkspaceSamples {

    static final UUID PROJECT = UUID.fromString("7d2f1c9e-3b4a-4c5d-8e6f-0a1b2c3d4e5f");
    static final WorkspaceImage VNC = new WorkspaceImage("linux-desktop", "registry.example/ws/linux-desktop:1.0",
            "vnc", 5901, new WorkspaceSize("2", "4Gi", 0), new WorkspaceSize("4", "16Gi", 0), false, 1000);
    static final WorkspaceImage VNC_GPU = new WorkspaceImage("linux-desktop-gpu",
            "registry.example/ws/linux-desktop-gpu:1.0", "vnc", 5901, new WorkspaceSize("4", "16Gi", 1),
            new WorkspaceSize("8", "64Gi", 2), true, 1000);
    static final WorkspaceImage RDP = new WorkspaceImage("windows-like-rdp", "registry.example/ws/xrdp:1.0", "rdp",
            3389, new WorkspaceSize("2", "4Gi", 0), new WorkspaceSize("4", "8Gi", 0), false, 2000);
    static final List<DatasetMount> DATASETS = List.of(
            new DatasetMount("snds-extract", "dataset-snds-extract", "/data/snds-extract"),
            new DatasetMount("cohort", "dataset-cohort", "/data/cohort"));

    private WorkspaceSamples() {
    }

    static WorkspaceSpec spec(WorkspaceImage image, boolean running, List<DatasetMount> datasets, String password) {
        WorkspaceSize size = image.gpu() ? new WorkspaceSize("4", "16Gi", 1) : image.defaultSize();
        return new WorkspaceSpec("enclave-cohort-2026", PROJECT, "cohort-2026", "analysis", "remi.researcher", image,
                size, running, datasets, "10Gi", null, password);
    }

    static WorkspaceSpec sample() {
        return spec(VNC, true, DATASETS, "sample-password-not-a-secret-000");
    }

    /** Every combination the orchestrator can produce. */
    static List<WorkspaceSpec> all() {
        List<WorkspaceSpec> specs = new ArrayList<>();
        for (WorkspaceImage image : List.of(VNC, VNC_GPU, RDP)) {
            for (List<DatasetMount> datasets : List.of(List.<DatasetMount>of(), DATASETS)) {
                for (boolean running : List.of(true, false)) {
                    specs.add(spec(image, running, datasets, running ? "p".repeat(32) : null));
                }
            }
        }
        return specs;
    }
}
