package eu.enclave.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.deploy.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With {@code ENCLAVE_TEST_BUILD_IMAGES=1} and a container engine that can build (podman, else docker): each
 * service image is built from the repository and inspected (a numeric non-root user, the version label). Minutes,
 * not seconds, and it downloads the bases and Maven dependencies: opt-in only. Skipped, saying why, otherwise.
 */
class ImageBuildTest {

    private static String engine;

    @BeforeAll
    static void findEngine() throws Exception {
        if (!"1".equals(System.getenv("ENCLAVE_TEST_BUILD_IMAGES"))) {
            skip("image builds: set ENCLAVE_TEST_BUILD_IMAGES=1 (with podman or docker able to build) to build them");
        }
        engine = Stream.of("podman", "docker").filter(ImageBuildTest::canBuild).findFirst()
                .orElseGet(() -> skip("image builds: neither podman nor docker answers 'info' here"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orchestrator", "egress-review"})
    void theImageBuildsAndRunsAsItsUser(String service) throws Exception {
        String tag = "localhost/enclave/" + service + ":test";
        assertThat(run(60, engine, "build", "-f", service + "/Containerfile", "--build-arg", "VERSION=0.1.0-test",
                "-t", tag, ".")).as(service + " builds").isZero();
        Path inspected = Files.createTempFile("inspect", ".txt");
        assertThat(run(1, List.of(engine, "image", "inspect", "--format",
                "{{.Config.User}} {{index .Config.Labels \"org.opencontainers.image.version\"}}", tag), inspected))
                .isZero();
        assertThat(Files.readString(inspected, StandardCharsets.UTF_8).strip()).isEqualTo("10001:10001 0.1.0-test");
    }

    private static boolean canBuild(String command) {
        try {
            return run(1, command, "info") == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int run(long minutes, String... command) throws IOException, InterruptedException {
        return run(minutes, List.of(command), null);
    }

    private static int run(long minutes, List<String> command, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.path("").toFile());
        if (output != null) {
            builder.redirectOutput(output.toFile());
        } else {
            builder.inheritIO();
        }
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static String skip(String reason) {
        System.out.println("SKIPPED: " + reason);
        return Assumptions.abort(reason);
    }
}
