package eu.enclave.orchestrator.workspace;

import static org.assertj.core.api.Assertions.fail;

import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.support.Fixtures;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Workspaces made through the service, as the API makes them, and a wait for what informers report. */
public final class WorkspaceFixtures {

    public static final String TEMPLATE = "linux-desktop";

    private final Fixtures fixtures;
    private final WorkspaceService workspaces;

    public WorkspaceFixtures(Fixtures fixtures, WorkspaceService workspaces) {
        this.fixtures = fixtures;
        this.workspaces = workspaces;
    }

    /** Created, hence started (PENDING). */
    public Workspace started(Project project, String owner, String name) {
        return workspaces.create(fixtures.user(owner), project.slug(), new NewWorkspace(name, TEMPLATE, null));
    }

    /** Created, stopped, and seen stopped on the cluster (told so, not waited for). */
    public Workspace stopped(Project project, String owner, String name) {
        started(project, owner, name);
        workspaces.stop(fixtures.user(owner), project.slug(), name);
        // the informer may have reported it already
        workspaces.observe(project.id(), name, WorkspaceStatus.STOPPED, "");
        return workspaces.get(fixtures.user("admin"), project.slug(), name);
    }

    public static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 15 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }
}
