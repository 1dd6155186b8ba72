package eu.enclave.deploy.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code terraform fmt -check -recursive} over terraform/ (no provider needed). Without a terraform binary it is
 * skipped, saying so, except in CI ({@code CI=true}), where it fails.
 */
class TerraformFormatTest {

    @Test
    void everyFileIsFormatted() throws Exception {
        Path output = Files.createTempFile("terraform-fmt", ".txt");
        Process process;
        try {
            process = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", "-diff", "-no-color")
                    .directory(TerraformConfig.ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            String reason = "terraform fmt: no terraform binary here (" + e.getMessage() + ")";
            assertThat(System.getenv("CI")).as(reason + ", and CI needs it").isNotEqualTo("true");
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
            return;
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("terraform fmt ends").isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("terraform fmt -check -recursive found unformatted files:\n" + printed)
                .isZero();
    }
}
