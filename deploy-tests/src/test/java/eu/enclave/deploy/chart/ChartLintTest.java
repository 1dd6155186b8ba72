package eu.enclave.deploy.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code helm lint --strict}: warnings fail too. */
class ChartLintTest {

    @Test
    void theChartPassesStrictLint() {
        LintResult result = EnclaveChart.lintStrict();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    /** So that the test above means something: the same lint on a copy with one broken template fails. */
    @Test
    void aBrokenCopyFailsIt(@TempDir Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(EnclaveChart.CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(EnclaveChart.CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.writeString(copy.resolve("templates/broken.yaml"), "value: {{ .Values.noSuchValue.field }}\n");
        LintResult result = new Helm(copy).lint().strict().call();
        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("noSuchValue");
    }
}
