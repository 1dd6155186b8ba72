package eu.enclave.orchestrator.support;

import java.io.IOException;

/** The orchestrator's state pages are checked by the platform's {@link eu.enclave.platform.testing.MermaidDoc}. */
public final class MermaidDoc {

    private MermaidDoc() {
    }

    public static void assertShows(String fileName, String generator, String generated, Class<?> test)
            throws IOException {
        eu.enclave.platform.testing.MermaidDoc.assertShows(fileName, generator, generated, test);
    }
}
