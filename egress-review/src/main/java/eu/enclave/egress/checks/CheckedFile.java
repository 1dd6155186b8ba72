package eu.enclave.egress.checks;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file of a submission as the checks see it: its id in the request, its group, the name the researcher gave
 * it, its size, whether it is supporting evidence (shown to reviewers, never released), and its bytes, which may
 * be read more than once.
 */
public record CheckedFile(String fileId, String group, String name, long size, boolean supporting, Content content) {

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
