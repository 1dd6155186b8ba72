package eu.enclave.egress.intake;

import eu.enclave.egress.orchestrator.OrchestratorPeer;
import eu.enclave.egress.orchestrator.OrchestratorPeer.PeerProject;
import eu.enclave.egress.orchestrator.OrchestratorPeer.PeerWorkspace;
import eu.enclave.egress.support.IntakeClient;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh project on the shared orchestrator peer, with a running workspace of {@code researcher} and its client. */
final class IntakeFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final PeerProject project;
    final PeerWorkspace workspace;
    final IntakeClient client;

    private IntakeFixtures(PeerProject project, PeerWorkspace workspace, IntakeClient client) {
        this.project = project;
        this.workspace = workspace;
        this.client = client;
    }

    static IntakeFixtures fresh(IntakeConnector intake, String prefix) {
        PeerProject project = OrchestratorPeer.shared().project(prefix + "-" + COUNTER.incrementAndGet() + "-"
                + Long.toHexString(System.nanoTime() & 0xffffff));
        PeerWorkspace workspace = project.workspace("analysis", "researcher");
        return new IntakeFixtures(project, workspace, new IntakeClient(intake.port(), workspace.start()));
    }

    /** A second workspace of the same project, owned by {@code owner}. */
    IntakeClient other(IntakeConnector intake, String name, String owner) {
        return new IntakeClient(intake.port(), project.workspace(name, owner).start());
    }

    static final String DRAFT = """
            {"title": "Incidence tables 2024", "purpose": "Paper on regional incidence",
             "groups": [{"name": "tables", "context": "Counts by region and year", "controls": "Cells below 11 suppressed"},
                        {"name": "figures", "context": "Trends", "controls": "Smoothed, no small counts"}],
             "files": [{"name": "incidence.csv", "group": "tables", "description": "Counts by region"}]}""";
}
