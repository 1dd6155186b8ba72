package eu.enclave.egress.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.enclave.egress.checking.queue.CheckQueue;
import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.request.Comment;
import eu.enclave.egress.orchestrator.OrchestratorPeer;
import eu.enclave.egress.request.RequestLifecycle;
import eu.enclave.egress.request.RequestRepository;
import eu.enclave.egress.request.RequestStatus;
import eu.enclave.egress.request.RequestTransitions.Actor;
import eu.enclave.egress.support.EgressServiceTest;
import eu.enclave.egress.support.ScriptedOutputChecker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The researcher's tool inside the workspace ({@code workspace-templates/common/rootfs/usr/local/bin/enclave-export}),
 * run as the image runs it — python3, the token in a file, the address in {@code ENCLAVE_EGRESS_URL} — against the
 * running intake: check, submit, status, answer, a new version, resubmission, and its refusals.
 */
@EgressServiceTest
class ExportToolTest {

    private static final Path TOOL = Path.of("..", "workspace-templates", "common", "rootfs", "usr", "local", "bin",
            "enclave-export").toAbsolutePath().normalize();
    private static final Pattern REQUEST_ID = Pattern.compile("request ([0-9a-f-]{36}) submitted");

    @Autowired
    IntakeConnector intake;

    @Autowired
    CheckQueue checks;

    @Autowired
    ScriptedOutputChecker checker;

    @Autowired
    RequestLifecycle lifecycle;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RequestRepository requests;

    @TempDir
    Path workspace;

    private IntakeFixtures f;
    private Path tokenFile;
    private Path outbox;

    @BeforeEach
    void runningWorkspace() throws IOException {
        assumeTrue(python3(), "python3 is not installed");
        f = IntakeFixtures.fresh(intake, "export");
        tokenFile = workspace.resolve("token");
        Files.writeString(tokenFile, f.workspace.token() + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("r--------"));
        outbox = Files.createDirectories(workspace.resolve("outbox"));
        checker.reset();
    }

    @Test
    void theResearcherChecksSubmitsAndFollowsARequest() throws Exception {
        Path table = write("incidence.csv", "region;n\nNord;8\nSud;40\n");
        Path evidence = write("evidence.csv", "region;count;sum;top1;top2;negatives\nNord;8;80;40;20;0\n");
        checker.script("incidence.csv", CheckStatus.FAIL, ScriptedOutputChecker.smallCount(1, "n", "8"));

        Run check = run("check", table.toString());
        assertThat(check.exit()).as(check.toString()).isEqualTo(11);
        assertThat(check.out()).contains("incidence.csv: fail").contains("table.small-count at row 1, column n (8)").doesNotContain(f.workspace.token());

        Run submit = run("submit", table.toString(), evidence.toString(), "--title", "Incidence 2024",
                "--purpose", "Regional incidence paper", "--context", "Counts by region", "--controls",
                "Cells below 11 suppressed", "--description", "incidence.csv=Counts by région",
                "--supporting", "evidence.csv");
        assertThat(submit.exit()).as(submit.toString()).isZero();
        String id = requestId(submit);
        assertThat(submit.out()).contains("sent incidence.csv").contains("sent evidence.csv");

        JsonNode request = f.client.get(id).json();
        assertThat(request.path("status").asString()).isEqualTo("submitted");
        assertThat(request.path("groups").get(0).path("controls").asString()).isEqualTo("Cells below 11 suppressed");
        assertThat(file(request, "incidence.csv").path("description").asString()).isEqualTo("Counts by région");
        assertThat(file(request, "incidence.csv").path("sha256").asString()).isEqualTo(sha256(table));
        assertThat(file(request, "evidence.csv").path("supporting").asBoolean()).isTrue();

        assertThat(checks.runPending()).isGreaterThanOrEqualTo(1);
        Run status = run("status", id);
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.out()).contains("state: submitted").contains("checks: fail").contains("(supporting)");

        Run list = run("list");
        assertThat(list.out()).contains(id).contains("Incidence 2024");
    }

    @Test
    void submitDefaultsToTheOutboxAndAnsweredQuestionsComeBackAsNewVersions() throws Exception {
        write("incidence.csv", "region;n\nNord;8\n");
        write("trend.png", "not really a plot");
        Files.writeString(outbox.resolve(".hidden"), "never sent");
        Run submit = run(Map.of(), "submit", "--title", "T", "--purpose", "P", "--context", "C", "--controls", "K");
        assertThat(submit.exit()).as(submit.toString()).isZero();
        String id = requestId(submit);
        JsonNode request = f.client.get(id).json();
        assertThat(request.path("files")).extracting(n -> n.path("name").asString())
                .containsExactlyInAnyOrder("incidence.csv", "trend.png");

        UUID question = question(id, "Why is Nord's 8 shown?");
        transactions.executeWithoutResult(s -> lifecycle.move(UUID.fromString(id), RequestStatus.RETURNED,
                Actor.REVIEWER, "reviewer", "suppress small counts", Map.of()));
        Run status = run("status", id);
        assertThat(status.out()).contains("state: returned").contains(question.toString()).contains("Why is Nord");

        Run answer = run("answer", id, question.toString(), "A typo: suppressed in version 2");
        assertThat(answer.exit()).as(answer.toString()).isZero();
        Path fixed = write("incidence-v2.csv", "region;n\nNord;<11\n");
        Run version = run("version", id, "incidence.csv", fixed.toString());
        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.out()).contains("version 2 of incidence.csv");
        Run resubmit = run("resubmit", id);
        assertThat(resubmit.exit()).as(resubmit.toString()).isZero();

        JsonNode after = f.client.get(id).json();
        assertThat(after.path("status").asString()).isEqualTo("submitted");
        assertThat(after.path("comments").toString()).contains("A typo: suppressed in version 2");
        assertThat(file(after, "incidence.csv").path("version").asInt()).isEqualTo(2);
        assertThat(file(after, "incidence.csv").path("sha256").asString()).isEqualTo(sha256(fixed));
    }

    @Test
    void everyRefusalIsToldAndNothingIsSubmittedWithoutItsContext() throws Exception {
        Path table = write("incidence.csv", "region;n\nNord;8\n");
        int before = f.client.list().json().size();
        Run noContext = run("submit", table.toString(), "--title", "T", "--purpose", "P", "--controls", "K");
        assertThat(noContext.exit()).isNotZero();
        assertThat(noContext.err()).contains("context").contains("required");
        assertThat(f.client.list().json().size()).isEqualTo(before);

        Path badName = write("CON.csv", "region;n\n");
        Run refused = run("submit", badName.toString(), "--title", "T", "--purpose", "P", "--context", "C",
                "--controls", "K");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("refused:").contains("name");

        f.workspace.stop();
        Run stale = run(Map.of("ENCLAVE_EGRESS_TOKEN_FILE", write("old-token", "not-a-token").toString()), "list");
        assertThat(stale.exit()).as(stale.toString()).isEqualTo(1);
        assertThat(stale.err()).contains("refused:");

        Run nowhere = run(Map.of("ENCLAVE_EGRESS_URL", "http://127.0.0.1:1"), "list");
        assertThat(nowhere.exit()).isEqualTo(3);
        assertThat(nowhere.err()).contains("unavailable, nothing was decided");

        Run noToken = run(Map.of("ENCLAVE_EGRESS_TOKEN_FILE", workspace.resolve("missing").toString()), "list");
        assertThat(noToken.exit()).isNotZero();
        assertThat(noToken.err()).contains("no egress token");

        Run help = run("--help");
        assertThat(help.out()).doesNotContain("--token");
    }

    private UUID question(String id, String text) {
        UUID comment = UUID.randomUUID();
        requests.insertComment(new Comment(comment, UUID.fromString(id), null, OrchestratorPeer.ISSUER,
                "demo:reviewer", "reviewer", Comment.Kind.QUESTION, Comment.Visibility.PUBLIC, text, null,
                Instant.now()));
        return comment;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(outbox.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static JsonNode file(JsonNode request, String name) {
        for (JsonNode file : request.path("files")) {
            if (file.path("name").asString().equals(name) && file.path("current").asBoolean(true)) {
                return file;
            }
        }
        throw new AssertionError("no current file " + name + " in " + request);
    }

    private static String requestId(Run run) {
        Matcher m = REQUEST_ID.matcher(run.out());
        assertThat(m.find()).as(run.toString()).isTrue();
        return m.group(1);
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private Run run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    /** The tool as the image runs it, with stdin closed (no person at a prompt) and the outbox of this test. */
    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "-B", TOOL.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null")));
        builder.environment().put("ENCLAVE_EGRESS_URL", "http://127.0.0.1:" + intake.port());
        builder.environment().put("ENCLAVE_EGRESS_TOKEN_FILE", tokenFile.toString());
        builder.environment().put("ENCLAVE_OUTBOX", outbox.toString());
        builder.environment().putAll(env);
        Path out = workspace.resolve("out-" + UUID.randomUUID());
        Path err = workspace.resolve("err-" + UUID.randomUUID());
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("enclave-export %s finished", List.of(args)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static boolean python3() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    record Run(int exit, String out, String err) {
    }
}
