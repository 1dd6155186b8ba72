package eu.enclave.orchestrator.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/workspace-states.md} must show the state diagram generated from {@link WorkspaceTransitions}. When the
 * table changes, regenerate the block with {@code -Dregenerate.docs=true} (see the failure message).
 */
class WorkspaceStatesDocTest {

    /** Surefire runs in the module directory; the docs live at the repository root. */
    static final Path DOC = Path.of("..", "docs", "workspace-states.md");
    private static final Pattern MERMAID_BLOCK = Pattern.compile("(?s)```mermaid\\n(.*?)```");
    private static final String REGENERATE = "mvn -o -pl orchestrator -am test -Dtest=WorkspaceStatesDocTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dregenerate.docs=true";

    @Test
    void theDocsShowTheDiagramGeneratedFromTheTable() throws IOException {
        assertThat(DOC).as("the workspace states page (looked up from %s)", Path.of("").toAbsolutePath()).exists();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher block = MERMAID_BLOCK.matcher(doc);
        assertThat(block.find()).as(DOC + " has a ```mermaid block").isTrue();
        String generated = WorkspaceTransitions.mermaid();
        if (block.group(1).equals(generated)) {
            return;
        }
        if (Boolean.getBoolean("regenerate.docs")) {
            Files.writeString(DOC, doc.substring(0, block.start(1)) + generated + doc.substring(block.end(1)),
                    StandardCharsets.UTF_8);
            return;
        }
        fail("docs/workspace-states.md is stale: its state diagram is not the one WorkspaceTransitions.mermaid() generates."
                + "\nRegenerate it from the repository root with:\n    " + REGENERATE
                + "\nor replace the ```mermaid block by:\n" + generated);
    }
}
