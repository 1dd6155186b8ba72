package eu.enclave.egress.support;

import eu.enclave.egress.EgressReviewApplication;
import eu.enclave.egress.orchestrator.OrchestratorPeer;
import eu.enclave.platform.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * egress-review in a JVM of its own, bounded to a heap size, on a test database, the shared orchestrator peer and a
 * blob folder: to prove that uploads stream (a file many times the heap goes through) and to kill it mid-upload.
 */
public final class ForkedEgressReview implements AutoCloseable {

    private static final Pattern INTAKE_PORT = Pattern.compile("Intake API .* listening on port (\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile int intakePort = -1;

    /** Starts it and waits (at most two minutes) until its intake port is open. */
    public ForkedEgressReview(String heap, TestDatabase database, Path storage, String... settings)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EgressReviewApplication.class.getName(),
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.port=0", "--enclave.intake.port=0",
                "--enclave.orchestrator.internal-url=" + OrchestratorPeer.shared().url(),
                "--enclave.orchestrator.credential-file=" + OrchestratorPeer.shared().credentialFile(),
                "--enclave.storage.filesystem.directory=" + storage,
                "--enclave.data-directory=" + storage.resolveSibling(storage.getFileName() + "-data")));
        command.addAll(List.of(settings));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(this::read, "forked-egress-review-output");
        reader.setDaemon(true);
        reader.start();
        if (!started.await(2, TimeUnit.MINUTES) || intakePort < 0) {
            process.destroyForcibly();
            throw new IllegalStateException("egress-review did not start; its output:\n" + String.join("\n", output));
        }
    }

    public int intakePort() {
        return intakePort;
    }

    public Process process() {
        return process;
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    /** kill -9: no shutdown hook, no cleanup. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher m = INTAKE_PORT.matcher(line);
                if (m.find()) {
                    intakePort = Integer.parseInt(m.group(1));
                }
                if (line.contains("Started EgressReviewApplication")) {
                    started.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            started.countDown();
        }
    }
}
