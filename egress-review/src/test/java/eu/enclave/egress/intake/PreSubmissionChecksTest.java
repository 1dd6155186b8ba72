package eu.enclave.egress.intake;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.storage.BlobStore;
import eu.enclave.egress.storage.BlobUpload;
import eu.enclave.egress.support.EgressServiceTest;
import eu.enclave.egress.support.IntakeClient.Answer;
import eu.enclave.egress.support.RawHttp;
import eu.enclave.egress.support.ScriptedOutputChecker;
import eu.enclave.platform.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** Pre-submission checks store nothing, are bounded in size and rate, and audited; the sweeper clears leftovers. */
@EgressServiceTest
class PreSubmissionChecksTest {

    @Autowired
    IntakeConnector intake;

    @Autowired
    ScriptedOutputChecker checker;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BlobStore blobs;

    @Autowired
    IntakeSweeper sweeper;

    @Value("${enclave.storage.filesystem.directory}")
    Path storage;

    private IntakeFixtures f;

    @BeforeEach
    void freshProject() {
        f = IntakeFixtures.fresh(intake, "checks");
    }

    @AfterEach
    void reset() {
        checker.reset();
        clock.reset();
    }

    @Test
    void aFileIsCheckedWithTheProjectsPolicyAndNothingIsStored() throws Exception {
        checker.script("counts.csv", CheckStatus.FAIL, ScriptedOutputChecker.smallCount(2, "n", "4"));
        byte[] content = "region;n\nSud;4\n".getBytes(StandardCharsets.UTF_8);
        long requests = count("requests");
        long blobFiles = blobFiles();

        Answer answer = f.client.check("counts.csv", content);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("sha256").asString()).isEqualTo(IntakeRequestsTest.sha256(content));
        assertThat(answer.json().path("checks").path("status").asString()).isEqualTo("fail");
        assertThat(answer.json().path("checks").path("findings").get(0).path("location").path("row").asLong())
                .isEqualTo(2);
        assertThat(answer.json().path("checks").path("policyHash").asString()).startsWith("sha256:");
        assertThat(count("requests")).isEqualTo(requests);
        assertThat(blobFiles()).isEqualTo(blobFiles);
        assertThat(jdbc.queryForObject("SELECT details FROM platform.audit_log WHERE project = ? AND action ="
                + " 'intake.checked'", String.class, f.project.slug()))
                .contains(IntakeRequestsTest.sha256(content), "\"status\":\"fail\"", "\"fail\":1");
    }

    @Test
    void checksAreLimitedInRatePerWorkspaceAndInSize() {
        for (int i = 0; i < 5; i++) {
            assertThat(f.client.check("a.csv", "a;b\n".getBytes()).status()).isEqualTo(200);
        }
        Answer sixth = f.client.check("a.csv", "a;b\n".getBytes());
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(IntakeFixtures.fresh(intake, "checks-other").client.check("a.csv", "a;b\n".getBytes()).status())
                .as("another workspace has its own rate").isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(f.client.check("a.csv", "a;b\n".getBytes()).status()).isEqualTo(200);

        RawHttp.Reply tooLarge = RawHttp.send(intake.port(), "POST /api/v1/intake/checks?name=big.csv HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + f.workspace.token() + "\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: " + (300L << 20),
                new ByteArrayInputStream(new byte[0]), 0);
        assertThat(tooLarge.status()).as(tooLarge.text()).isEqualTo(413);
        assertThat(f.client.check(".profile", "x".getBytes()).fields()).containsExactly("name");
    }

    @Test
    void theSweeperRemovesStagedUploadsOlderThanTheUploadTimeoutPlusItsMargin() throws Exception {
        BlobUpload abandoned = blobs.begin(100);
        abandoned.output().write(1);
        abandoned.output().flush();
        long staged = stagedFiles();

        assertThat(sweeper.sweep().stagedUploads()).as("an upload may still be running").isZero();
        clock.advance(Duration.ofHours(1).plusMinutes(16));
        assertThat(sweeper.sweep().stagedUploads()).isGreaterThanOrEqualTo(1);
        assertThat(stagedFiles()).isLessThan(staged);
        abandoned.close();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private long blobFiles() throws Exception {
        try (Stream<Path> files = Files.walk(storage.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long stagedFiles() throws Exception {
        try (Stream<Path> files = Files.list(storage.resolve("staging"))) {
            return files.count();
        }
    }
}
