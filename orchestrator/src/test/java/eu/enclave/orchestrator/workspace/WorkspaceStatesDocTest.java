package eu.enclave.orchestrator.workspace;

import eu.enclave.orchestrator.support.MermaidDoc;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/workspace-states.md} must show the state diagram generated from {@link WorkspaceTransitions}. When the
 * table changes, regenerate the block with {@code -Dregenerate.docs=true} (see the failure message).
 */
class WorkspaceStatesDocTest {

    @Test
    void theDocsShowTheDiagramGeneratedFromTheTable() throws IOException {
        MermaidDoc.assertShows("workspace-states.md", "WorkspaceTransitions", WorkspaceTransitions.mermaid(), WorkspaceStatesDocTest.class);
    }
}
