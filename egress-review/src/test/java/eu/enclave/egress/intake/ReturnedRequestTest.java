package eu.enclave.egress.intake;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.orchestrator.OrchestratorPeer;
import eu.enclave.egress.request.Comment;
import eu.enclave.egress.request.RequestLifecycle;
import eu.enclave.egress.request.RequestRepository;
import eu.enclave.egress.request.RequestStatus;
import eu.enclave.egress.request.RequestTransitions.Actor;
import eu.enclave.egress.support.EgressServiceTest;
import eu.enclave.egress.support.IntakeClient.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A request returned with a reviewer's question: the requester reads the public question (never a private
 * comment), answers it, sends a new version of a file (the old one kept, linked by its hash), and resubmits.
 */
@EgressServiceTest
class ReturnedRequestTest {

    @Autowired
    IntakeConnector intake;

    @Autowired
    RequestLifecycle lifecycle;

    @Autowired
    RequestRepository requests;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    private IntakeFixtures f;
    private String id;
    private String fileId;

    @BeforeEach
    void submittedRequest() {
        f = IntakeFixtures.fresh(intake, "returned");
        id = f.client.create(IntakeFixtures.DRAFT).json().path("id").asString();
        fileId = f.client.upload(id, "incidence.csv", "region;n\nNord;8\n".getBytes(StandardCharsets.UTF_8), Map.of())
                .json().path("id").asString();
        assertThat(f.client.submit(id).status()).isEqualTo(200);
    }

    @Test
    void theRequesterAnswersSendsANewVersionAndResubmits() {
        Answer tooEarly = f.client.version(id, fileId, "region;n\nNord;suppressed\n".getBytes(), Map.of());
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.fields()).containsExactly("status");

        UUID question = reviewerComment(Comment.Kind.QUESTION, Comment.Visibility.PUBLIC, "Why is Nord's 8 shown?");
        reviewerComment(Comment.Kind.COMMENT, Comment.Visibility.PRIVATE, "Small count; ask for suppression");
        JsonNode inReview = f.client.get(id).json();
        assertThat(inReview.path("comments")).hasSize(1);
        assertThat(inReview.path("comments").get(0).path("kind").asString()).isEqualTo("question");
        assertThat(inReview.path("actions").toString()).contains("answer");

        transactions.executeWithoutResult(s -> lifecycle.move(UUID.fromString(id), RequestStatus.RETURNED,
                Actor.REVIEWER, "reviewer", "suppress small counts", Map.of()));
        Answer answer = f.client.comment(id, "{\"body\": \"It is a typo: suppressed in v2\", \"inReplyTo\": \""
                + question + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("kind").asString()).isEqualTo("answer");
        assertThat(answer.json().path("fileId").asString()).isEqualTo(fileId);
        assertThat(f.client.comment(id, "{\"body\": \"patient 1 84 12 75 123 456 78\"}").fields())
                .containsExactly("body");

        byte[] v2 = "region;n\nNord;<11\n".getBytes(StandardCharsets.UTF_8);
        Answer same = f.client.version(id, fileId, "region;n\nNord;8\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.fields()).containsExactly("body");
        Answer version = f.client.version(id, fileId, v2, Map.of("Enclave-Description", "Small counts suppressed"));
        assertThat(version.status()).as(version.toString()).isEqualTo(201);
        assertThat(version.json().path("version").asInt()).isEqualTo(2);
        assertThat(version.json().path("previousId").asString()).isEqualTo(fileId);
        Answer ofOld = f.client.version(id, fileId, "again".getBytes(), Map.of());
        assertThat(ofOld.status()).isEqualTo(409);
        assertThat(ofOld.fields()).containsExactly("fileId");

        JsonNode returned = f.client.get(id).json();
        assertThat(returned.path("status").asString()).isEqualTo("returned");
        assertThat(returned.path("comments")).extracting(c -> c.path("kind").asString())
                .containsExactly("question", "answer");
        List<JsonNode> files = toList(returned.path("files"));
        assertThat(files).hasSize(2);
        JsonNode old = files.stream().filter(x -> x.path("version").asInt() == 1).findFirst().orElseThrow();
        JsonNode current = files.stream().filter(x -> x.path("version").asInt() == 2).findFirst().orElseThrow();
        assertThat(old.path("current").asBoolean()).isFalse();
        assertThat(current.path("current").asBoolean()).isTrue();
        assertThat(current.path("previousSha256").asString()).isEqualTo(old.path("sha256").asString());

        Answer resubmitted = f.client.submit(id);
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
        assertThat(resubmitted.json().path("submissions").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT submission FROM request_files WHERE request_id = ?::uuid ORDER BY version",
                Integer.class, id)).containsExactly(1, 2);
        assertThat(jdbc.queryForList("SELECT action FROM platform.audit_log WHERE target = ? ORDER BY seq",
                String.class, "request:" + id)).containsSubsequence("request.returned", "request.answered",
                "request.file_versioned", "request.resubmitted");
        JsonNode after = f.client.get(id).json();
        assertThat(after.path("comments")).as("the question of the earlier round stays readable").hasSize(2);
    }

    @Test
    void theHighestTiersFloorAndAHigherSettingAreFrozenAtSubmission() {
        IntakeFixtures g = IntakeFixtures.fresh(intake, "returned-tier");
        g.project.dataset("registry", "highly_sensitive").reviewersRequired(1);
        String request = g.client.create(IntakeFixtures.DRAFT).json().path("id").asString();
        g.client.upload(request, "incidence.csv", "a;b\n1;2\n".getBytes(), Map.of());
        assertThat(g.client.submit(request).json().path("reviewersRequired").asInt()).isEqualTo(2);
        g.project.reviewersRequired(3);
        assertThat(jdbc.queryForObject("SELECT reviewers_required FROM requests WHERE id = ?::uuid", Integer.class,
                request)).as("frozen").isEqualTo(2);
    }

    private UUID reviewerComment(Comment.Kind kind, Comment.Visibility visibility, String body) {
        UUID comment = UUID.randomUUID();
        requests.insertComment(new Comment(comment, UUID.fromString(id), UUID.fromString(fileId),
                OrchestratorPeer.ISSUER, "demo:reviewer", "reviewer", kind, visibility, body, null, Instant.now()));
        return comment;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
