package eu.enclave.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository, found from the module directory Surefire and exec:java run in. */
public final class Repository {

    private static final Path ROOT = root();

    private Repository() {
    }

    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("enclave")) && Files.isDirectory(dir.resolve("helm"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Enclave repository: " + here);
    }
}
