package eu.enclave.orchestrator.project;

import eu.enclave.orchestrator.support.MermaidDoc;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/project-states.md} must show the state diagram generated from {@link ProjectTransitions}. When the
 * table changes, regenerate the block with {@code -Dregenerate.docs=true} (see the failure message).
 */
class ProjectStatesDocTest {

    @Test
    void theDocsShowTheDiagramGeneratedFromTheTable() throws IOException {
        MermaidDoc.assertShows("project-states.md", "ProjectTransitions", ProjectTransitions.mermaid(), ProjectStatesDocTest.class);
    }
}
