package eu.enclave.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that a file of the repository holds what code generates, whole or between two marker lines; with
 * {@code -Dregenerate.docs=true} it rewrites the file instead of failing (as the orchestrator's MermaidDoc does for
 * diagrams).
 */
public final class GeneratedText {

    private GeneratedText() {
    }

    /**
     * @param file      relative to the repository root, e.g. {@code docs/cluster.md}
     * @param begin     the marker line before the generated part
     * @param end       the marker line after it
     * @param generated what belongs between them
     * @param test      the test class, named in the regenerate command of the failure message
     * @param module    the Maven module of that test
     */
    public static void assertBlock(String file, String begin, String end, String generated, Class<?> test,
                                   String module) throws IOException {
        Path path = repositoryFile(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        int from = text.indexOf(begin + "\n");
        int to = text.indexOf(end, Math.max(from, 0));
        assertThat(from).as(file + " has the line " + begin).isNotNegative();
        assertThat(to).as(file + " has the line " + end + " after " + begin).isPositive();
        int start = from + begin.length() + 1;
        if (text.substring(start, to).equals(generated)) {
            return;
        }
        regenerateOrFail(path, file, text.substring(0, start) + generated + text.substring(to), test, module);
    }

    /** Checks that {@code file} is exactly {@code generated}. */
    public static void assertFile(String file, String generated, Class<?> test, String module) throws IOException {
        Path path = repositoryFile(file);
        String text = Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
        if (generated.equals(text)) {
            return;
        }
        regenerateOrFail(path, file, generated, test, module);
    }

    private static void regenerateOrFail(Path path, String file, String expected, Class<?> test, String module)
            throws IOException {
        if (Boolean.getBoolean("regenerate.docs")) {
            Files.writeString(path, expected, StandardCharsets.UTF_8);
            return;
        }
        fail(file + " is stale: it is not what " + test.getSimpleName() + " generates."
                + "\nRegenerate it from the repository root with:\n    mvn -o -pl " + module + " -am test -Dtest="
                + test.getSimpleName() + " -Dsurefire.failIfNoSpecifiedTests=false -Dregenerate.docs=true");
    }

    /** Surefire runs in the module directory; the repository root is its parent. */
    private static Path repositoryFile(String file) {
        Path path = Path.of("..").resolve(file);
        assertThat(path.getParent()).as("the folder of %s (looked up from %s)", file, Path.of("").toAbsolutePath())
                .isDirectory();
        return path;
    }
}
