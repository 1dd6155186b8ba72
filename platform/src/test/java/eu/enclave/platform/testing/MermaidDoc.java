package eu.enclave.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a page under {@code docs/} shows, in its first {@code ```mermaid} block, the diagram a transition
 * table generates; with {@code -Dregenerate.docs=true} it rewrites the block instead of failing. For the tests of
 * every module: Surefire runs in the module's directory, the docs live at the repository root.
 */
public final class MermaidDoc {

    private static final Pattern MERMAID_BLOCK = Pattern.compile("(?s)```mermaid\\n(.*?)```");

    private MermaidDoc() {
    }

    /**
     * @param fileName  the page's file name in {@code docs/}, e.g. {@code project-states.md}
     * @param generator what generates the diagram, named in the failure message, e.g. {@code ProjectTransitions}
     * @param generated the diagram the table generates
     * @param test      the test class, named in the regenerate command of the failure message
     */
    public static void assertShows(String fileName, String generator, String generated, Class<?> test)
            throws IOException {
        Path doc = Path.of("..", "docs", fileName);
        assertThat(doc).as("the page %s (looked up from %s)", fileName, Path.of("").toAbsolutePath()).exists();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Matcher block = MERMAID_BLOCK.matcher(text);
        assertThat(block.find()).as(doc + " has a ```mermaid block").isTrue();
        if (block.group(1).equals(generated)) {
            return;
        }
        if (Boolean.getBoolean("regenerate.docs")) {
            Files.writeString(doc, text.substring(0, block.start(1)) + generated + text.substring(block.end(1)),
                    StandardCharsets.UTF_8);
            return;
        }
        String module = Path.of("").toAbsolutePath().getFileName().toString();
        fail("docs/" + fileName + " is stale: its state diagram is not the one " + generator + ".mermaid() generates."
                + "\nRegenerate it from the repository root with:\n    mvn -o -pl " + module + " -am test -Dtest="
                + test.getSimpleName() + " -Dsurefire.failIfNoSpecifiedTests=false -Dregenerate.docs=true"
                + "\nor replace the ```mermaid block by:\n" + generated);
    }
}
