package eu.enclave.egress.intake;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checking.queue.CheckQueue;
import eu.enclave.egress.support.EgressServiceTest;
import eu.enclave.egress.support.IntakeClient.Answer;
import eu.enclave.egress.support.SubmittedEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A researcher's path from inside the workspace: draft, files, submission, checks, the requester's view. */
@EgressServiceTest
class IntakeRequestsTest {

    @Autowired
    IntakeConnector intake;

    @Autowired
    CheckQueue checks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SubmittedEvents events;

    private IntakeFixtures f;

    @BeforeEach
    void freshProject() {
        f = IntakeFixtures.fresh(intake, "requests");
    }

    @Test
    void aDraftGetsItsFilesIsSubmittedCheckedAndShownToItsRequester() throws Exception {
        Answer created = f.client.create(IntakeFixtures.DRAFT);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/intake/requests/" + id);
        assertThat(created.json().path("status").asString()).isEqualTo("draft");
        assertThat(created.json().path("project").asString()).isEqualTo(f.project.slug());
        assertThat(created.json().path("workspace").asString()).isEqualTo("analysis");
        assertThat(created.json().path("declaredFiles").get(0).path("name").asString()).isEqualTo("incidence.csv");

        byte[] table = "region;year;n\nNord;2024;42\n".getBytes(StandardCharsets.UTF_8);
        Answer upload = f.client.upload(id, "incidence.csv", table, Map.of());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        assertThat(upload.json().path("sha256").asString()).isEqualTo(sha256(table));
        assertThat(upload.json().path("size").asLong()).isEqualTo(table.length);
        assertThat(upload.json().path("group").asString()).isEqualTo("tables");
        assertThat(upload.json().path("description").asString()).isEqualTo("Counts by region");

        Answer plot = f.client.upload(id, "tendance régionale.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                Map.of("Enclave-Group", "figures", "Enclave-Description", "Courbe lissée, « sans » petits effectifs"));
        assertThat(plot.status()).as(plot.toString()).isEqualTo(201);
        assertThat(plot.json().path("name").asString()).isEqualTo("tendance régionale.png");
        assertThat(plot.json().path("description").asString()).isEqualTo("Courbe lissée, « sans » petits effectifs");
        Answer log = f.client.upload(id, "log.txt", "model log".getBytes(StandardCharsets.UTF_8),
                Map.of("Enclave-Group", "tables", "Enclave-Supporting", "true"));
        assertThat(log.json().path("supporting").asBoolean()).isTrue();

        Answer submitted = f.client.submit(id);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("submitted");
        assertThat(submitted.json().path("waitingFor").asString()).isEqualTo("reviewers");
        assertThat(submitted.json().path("submissions").asInt()).isEqualTo(1);
        assertThat(submitted.json().path("reviewersRequired").asInt()).isEqualTo(1);
        assertThat(submitted.json().path("policyHash").asString()).startsWith("sha256:");
        assertThat(jdbc.queryForObject("SELECT policy_text FROM requests WHERE id = ?::uuid", String.class, id))
                .startsWith("{\"allowedTypes\":");

        assertThat(events.seen()).filteredOn(e -> e.event().requestId().toString().equals(id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.statusSeenByAnotherConnection()).as("published after the commit").isEqualTo("submitted");
                    assertThat(e.event().project()).isEqualTo(f.project.slug());
                    assertThat(e.event().fileIds()).hasSize(3);
                });
        assertThat(checks.runPending()).isGreaterThanOrEqualTo(1);
        JsonNode view = f.client.get(id).json();
        for (JsonNode file : view.path("files")) {
            assertThat(file.path("checks").path("status").asString()).as(file.path("name").asString())
                    .isEqualTo("review");
            assertThat(file.path("checks").path("findings").get(0).path("ruleId").asString())
                    .isEqualTo("checks.not-run");
        }
        assertThat(f.client.list().json().get(0).path("id").asString()).isEqualTo(id);
        assertThat(audit(id)).containsExactly("request.created", "request.file_uploaded", "request.file_uploaded",
                "request.file_uploaded", "request.submitted", "request.checked");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyMakesOneRequestAndOtherContentIsRefused() {
        Answer first = f.client.create(IntakeFixtures.DRAFT, "retry-1");
        Answer again = f.client.create(IntakeFixtures.DRAFT, "retry-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());

        Answer other = f.client.create(IntakeFixtures.DRAFT.replace("2024", "2025"), "retry-1");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.fields()).containsExactly("Idempotency-Key");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM requests WHERE project_slug = ?", Integer.class,
                f.project.slug())).isEqualTo(1);
    }

    private List<String> audit(String id) {
        return jdbc.queryForList("SELECT action FROM platform.audit_log WHERE target = ? ORDER BY seq", String.class,
                "request:" + id);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
