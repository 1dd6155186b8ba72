package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.engine.FileRun;
import java.io.IOException;

/**
 * Reads one format in bounded memory and time, handing text, tables and structural facts to the run's rules. A
 * reader may throw {@link eu.enclave.egress.checks.engine.LimitExceeded} or an IOException; the engine turns both
 * into {@code review} with the reason, keeping what was found before.
 */
public interface FormatReader {

    void read(FileInput input, FileRun run) throws IOException;
}
