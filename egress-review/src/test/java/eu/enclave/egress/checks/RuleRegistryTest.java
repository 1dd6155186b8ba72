package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.engine.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {

    @Test
    void everyRuleHasOneIdAndARowInTheDocs() throws IOException {
        List<Check> rules = RuleRegistry.all();
        Set<String> ids = new HashSet<>();
        for (Check rule : rules) {
            assertThat(ids.add(rule.id())).as("duplicate id " + rule.id()).isTrue();
        }
        String docs = Files.readString(Path.of("..", "docs", "checks.md"));
        for (String id : ids) {
            assertThat(docs).as("docs/checks.md row for " + id).contains("| `" + id + "` |");
        }
    }
}
