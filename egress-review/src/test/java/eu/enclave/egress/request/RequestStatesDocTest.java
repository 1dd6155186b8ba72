package eu.enclave.egress.request;

import eu.enclave.platform.testing.MermaidDoc;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code docs/request-states.md} must show the state diagram generated from {@link RequestTransitions}. */
class RequestStatesDocTest {

    @Test
    void theDocsShowTheDiagramGeneratedFromTheTable() throws IOException {
        MermaidDoc.assertShows("request-states.md", "RequestTransitions", RequestTransitions.mermaid(),
                RequestStatesDocTest.class);
    }
}
