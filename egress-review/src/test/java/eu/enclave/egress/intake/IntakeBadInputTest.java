package eu.enclave.egress.intake;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.support.EgressServiceTest;
import eu.enclave.egress.support.IntakeClient;
import eu.enclave.egress.support.IntakeClient.Answer;
import eu.enclave.egress.support.RawHttp;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.disclosure.FileType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every bad input of the intake gets a 4xx problem that names the field and the reason, and leaves nothing stored:
 * no request, no file row, no blob, no staged upload.
 */
@EgressServiceTest
class IntakeBadInputTest {

    @Autowired
    IntakeConnector intake;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${enclave.storage.filesystem.directory}")
    Path storage;

    private IntakeFixtures f;
    private String draft;

    @BeforeEach
    void freshDraft() {
        f = IntakeFixtures.fresh(intake, "bad");
        draft = f.client.create(IntakeFixtures.DRAFT).json().path("id").asString();
    }

    private record Case(String what, int status, String field, java.util.function.Function<IntakeFixtures, Answer> call) {
    }

    @Test
    void badDraftsAreRefusedNamingTheField() {
        String longTitle = "t".repeat(201);
        String longText = "x".repeat(4001);
        List<Case> cases = List.of(
                new Case("no title", 400, "title", x -> x.client.create("{\"groups\": [{\"name\": \"a\"}]}")),
                new Case("title too long", 400, "title", x -> x.client.create("{\"title\": \"" + longTitle
                        + "\", \"groups\": [{\"name\": \"a\"}]}")),
                new Case("purpose too long", 400, "purpose", x -> x.client.create("{\"title\": \"t\", \"purpose\": \""
                        + longText + "\", \"groups\": [{\"name\": \"a\"}]}")),
                new Case("no group", 400, "groups", x -> x.client.create("{\"title\": \"t\"}")),
                new Case("group name", 400, "groups[0].name", x -> x.client.create("{\"title\": \"t\", \"groups\":"
                        + " [{\"name\": \"../etc\"}]}")),
                new Case("group twice", 400, "groups[1].name", x -> x.client.create("{\"title\": \"t\", \"groups\":"
                        + " [{\"name\": \"a\"}, {\"name\": \"a\"}]}")),
                new Case("context too long", 400, "groups[0].context", x -> x.client.create("{\"title\": \"t\","
                        + " \"groups\": [{\"name\": \"a\", \"context\": \"" + longText + "\"}]}")),
                new Case("declared file name", 400, "files[0].name", x -> x.client.create("{\"title\": \"t\","
                        + " \"groups\": [{\"name\": \"a\"}], \"files\": [{\"name\": \".bashrc\", \"group\": \"a\"}]}")),
                new Case("declared file group", 400, "files[0].group", x -> x.client.create("{\"title\": \"t\","
                        + " \"groups\": [{\"name\": \"a\"}], \"files\": [{\"name\": \"x.csv\", \"group\": \"b\"}]}")),
                new Case("identifier in the purpose", 400, "purpose", x -> x.client.create("{\"title\": \"t\","
                        + " \"purpose\": \"Patient 1 84 12 75 123 456 78 is an outlier\", \"groups\": [{\"name\": \"a\"}]}")),
                new Case("identifier in a context", 400, "groups[0].context", x -> x.client.create("{\"title\": \"t\","
                        + " \"groups\": [{\"name\": \"a\", \"context\": \"see 184127512345678\"}]}")),
                new Case("unknown field", 400, "owner", x -> x.client.create("{\"title\": \"t\", \"owner\": \"pi\","
                        + " \"groups\": [{\"name\": \"a\"}]}")),
                new Case("not JSON", 400, "body", x -> x.client.create("{\"title\": ")),
                new Case("NUL in a text", 400, "title", x -> x.client.create("{\"title\": \"a\\u0000b\", \"groups\":"
                        + " [{\"name\": \"a\"}]}")),
                new Case("wrong content type", 415, "Content-Type", x -> x.client.send("POST",
                        "/api/v1/intake/requests", HttpRequest.BodyPublishers.ofString("{}"),
                        Map.of("Content-Type", "text/plain"))),
                new Case("idempotency key", 400, "Idempotency-Key", x -> x.client.create(IntakeFixtures.DRAFT,
                        "spaces are not allowed")));
        int before = requests();
        for (Case c : cases) {
            Answer answer = c.call().apply(f);
            assertThat(answer.status()).as(c.what() + ": " + answer).isEqualTo(c.status());
            assertThat(answer.header("Content-Type")).as(c.what()).startsWith("application/problem+json");
            assertThat(answer.fields()).as(c.what() + ": " + answer).contains(c.field());
        }
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void badFileNamesAreRefusedNamingTheName() {
        byte[] content = "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8);
        for (String name : List.of(".hidden.csv", "CON.txt", "lpt1", "a:b.csv", "report\u202Etxt.exe", "bell\u0007.csv",
                "tab\tname.csv", "zero\u200Bwidth.csv", "trailing.", "x".repeat(256), "é".repeat(128))) {
            Answer answer = f.client.upload(draft, name, content, Map.of("Enclave-Group", "tables"));
            assertThat(answer.status()).as(name + ": " + answer).isEqualTo(400);
            assertThat(answer.fields()).as(name).containsExactly("name");
        }
        for (String path : List.of("..", "%2E%2E", "a%2Fb.csv", "a%5Cb.csv", "nul%00.csv")) {
            Answer answer = f.client.send("PUT", "/api/v1/intake/requests/" + draft + "/files/" + path,
                    HttpRequest.BodyPublishers.ofByteArray(content), Map.of("Content-Type", "application/octet-stream",
                            "Enclave-Group", "tables"));
            assertThat(answer.status()).as(path + ": " + answer).isIn(400, 404);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
        assertNothingStored();
    }

    @Test
    void namesAreStoredInNfcAndNamesDifferingOnlyByCaseAreRefused() {
        byte[] content = "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8);
        Answer decomposed = f.client.upload(draft, "re\u0301sultats.csv", content, Map.of("Enclave-Group", "tables"));
        assertThat(decomposed.status()).as(decomposed.toString()).isEqualTo(201);
        assertThat(decomposed.json().path("name").asString()).isEqualTo("r\u00e9sultats.csv");

        Answer clash = f.client.upload(draft, "RÉSULTATS.CSV", content, Map.of("Enclave-Group", "tables"));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.fields()).containsExactly("name");
        Answer same = f.client.upload(draft, "résultats.csv", content, Map.of("Enclave-Group", "tables"));
        assertThat(same.status()).as("a retry of the same content").isEqualTo(200);
        Answer other = f.client.upload(draft, "résultats.csv", "other".getBytes(StandardCharsets.UTF_8),
                Map.of("Enclave-Group", "tables"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void badMetadataAndBodiesAreRefusedNamingTheHeader() {
        byte[] content = "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8);
        Map<String, Map<String, String>> headers = Map.of(
                "Enclave-Group", Map.of("Enclave-Group", "no-such-group"),
                "Enclave-Supporting", Map.of("Enclave-Group", "tables", "Enclave-Supporting", "maybe"),
                "Content-Digest", Map.of("Enclave-Group", "tables", "Content-Digest", "sha-256=:AAAA:"));
        headers.forEach((field, metadata) -> {
            Answer answer = f.client.upload(draft, "x.csv", content, metadata);
            assertThat(answer.status()).as(field + ": " + answer).isEqualTo(400);
            assertThat(answer.fields()).as(field).contains(field);
        });
        Answer badPercent = f.client.send("PUT", "/api/v1/intake/requests/" + draft + "/files/x.csv",
                HttpRequest.BodyPublishers.ofByteArray(content), Map.of("Content-Type", "application/octet-stream",
                        "Enclave-Group", "tables", "Enclave-Description", "%ZZ%C3"));
        assertThat(badPercent.fields()).containsExactly("Enclave-Description");
        Answer identifier = f.client.upload(draft, "x.csv", content, Map.of("Enclave-Group", "tables",
                "Enclave-Description", "Lignes du patient 2 55 08 13 456 789 12"));
        assertThat(identifier.fields()).containsExactly("Enclave-Description");
        Answer wrongDigest = f.client.upload(draft, "x.csv", content, Map.of("Enclave-Group", "tables",
                "Content-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + ":"));
        assertThat(wrongDigest.status()).isEqualTo(400);
        assertThat(wrongDigest.fields()).containsExactly("Content-Digest");
        Answer wrongType = f.client.send("PUT", "/api/v1/intake/requests/" + draft + "/files/x.csv",
                HttpRequest.BodyPublishers.ofByteArray(content), Map.of("Content-Type", "text/csv"));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.fields()).containsExactly("Content-Type");
        Answer notAnId = f.client.upload("not-a-uuid", "x.csv", content, Map.of());
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.fields()).containsExactly("id");
        Answer unknown = f.client.upload("00000000-0000-0000-0000-000000000000", "x.csv", content, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertNothingStored();
    }

    @Test
    void aTypeTheProjectDoesNotAllowIsRefusedNamingTheType() {
        IntakeFixtures g = IntakeFixtures.fresh(intake, "bad-type");
        g.project.policy(new DisclosurePolicy(11, DisclosurePolicy.DEFAULT.zeros(), 2, 90, 10, 10,
                EnumSet.of(FileType.CSV, FileType.TEXT), false, List.of()));
        String id = g.client.create(IntakeFixtures.DRAFT).json().path("id").asString();

        Answer png = g.client.upload(id, "plot.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10},
                Map.of("Enclave-Group", "figures"));
        assertThat(png.status()).as(png.toString()).isEqualTo(415);
        assertThat(png.fields()).containsExactly("content");
        assertThat(png.json().path("detail").asString()).contains("is png", "allowed: csv, text");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM request_files WHERE request_id = ?::uuid", Integer.class,
                id)).isZero();
        assertThat(staged()).isZero();
    }

    @Test
    void filesOverTheLimitsAreRefusedAndLeaveNothing() {
        long nine = 9L << 20;
        RawHttp.Reply declared = RawHttp.send(intake.port(), uploadHead("big.csv") + "\r\nContent-Length: " + nine,
                zeros(nine), 0);
        assertThat(declared.status()).as(declared.text()).isEqualTo(413);
        assertThat(declared.text()).contains("\"field\":\"Content-Length\"");

        RawHttp.Reply streamed = RawHttp.sendChunked(intake.port(), uploadHead("big.csv"), zeros(nine));
        assertThat(streamed.status()).as(streamed.text()).isEqualTo(413);
        assertThat(streamed.text()).contains("\"field\":\"body\"", "8 MiB");
        assertNothingStored();
    }

    @Test
    void aProjectsBytesOfTheDayAndARequestsFilesAreBounded() {
        long seven = 7L << 20;
        for (int i = 0; i < 4; i++) {
            int n = i;
            Answer ok = f.client.upload(draft, "part" + i + ".csv", () -> numbered(seven, n), seven,
                    Map.of("Enclave-Group", "tables"));
            assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        }
        RawHttp.Reply overDay = RawHttp.send(intake.port(), uploadHead("part4.csv") + "\r\nContent-Length: " + seven,
                numbered(seven, 4), 0);
        assertThat(overDay.status()).as(overDay.text()).isEqualTo(413);
        assertThat(overDay.text()).contains("in any 24 hours", "32 MiB");

        for (int i = 4; i < 20; i++) {
            assertThat(f.client.upload(draft, "small" + i + ".csv", ("a;b\n" + i + ";1\n").getBytes(), Map.of(
                    "Enclave-Group", "tables")).status()).isEqualTo(201);
        }
        Answer tooMany = f.client.upload(draft, "one-more.csv", "a;b\n".getBytes(), Map.of("Enclave-Group", "tables"));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.fields()).containsExactly("files");
        assertThat(files()).isEqualTo(20);
        assertThat(staged()).isZero();
    }

    @Test
    void aTruncatedBodyLeavesNothing() {
        RawHttp.Reply reply = RawHttp.send(intake.port(), uploadHead("cut.csv") + "\r\nContent-Length: 1000000",
                zeros(1_000_000), 300_000);
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.text()).contains("application/problem+json", "body: could not be read to its end");
        assertNothingStored();
    }

    private String uploadHead(String name) {
        return "PUT /api/v1/intake/requests/" + draft + "/files/" + name + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + f.workspace.token() + "\r\nContent-Type: application/octet-stream\r\n"
                + "Enclave-Group: tables";
    }

    @Test
    void badSubmissionsNameWhatIsMissing() {
        Answer empty = f.client.submit(draft);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.fields()).containsExactly("files", "files.incidence.csv");

        String bare = f.client.create("{\"title\": \"t\", \"groups\": [{\"name\": \"a\"}]}").json().path("id")
                .asString();
        f.client.upload(bare, "x.csv", "a;b\n".getBytes(), Map.of());
        Answer undescribed = f.client.submit(bare);
        assertThat(undescribed.status()).isEqualTo(400);
        assertThat(undescribed.fields()).containsExactly("groups[0].context", "groups[0].controls");
        assertThat(f.client.update(bare, "{\"groups\": [{\"name\": \"a\", \"context\": \"c\", \"controls\": \"k\"}]}")
                .status()).isEqualTo(200);
        assertThat(f.client.submit(bare).status()).isEqualTo(200);
        Answer again = f.client.submit(bare);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.fields()).containsExactly("status");
        Answer late = f.client.upload(bare, "y.csv", "a;b\n".getBytes(), Map.of());
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void otherPeoplesAndOtherProjectsRequestsDoNotExistForTheCaller() {
        IntakeClient colleague = f.other(intake, "colleague", "pi");
        assertThat(colleague.get(draft).status()).isEqualTo(404);
        assertThat(colleague.upload(draft, "x.csv", "a".getBytes(), Map.of("Enclave-Group", "tables")).status())
                .isEqualTo(404);
        IntakeClient elsewhere = IntakeFixtures.fresh(intake, "bad-other").client;
        assertThat(elsewhere.get(draft).status()).isEqualTo(404);
        assertThat(elsewhere.submit(draft).status()).isEqualTo(404);
        IntakeClient sameOwnerOtherWorkspace = f.other(intake, "second", "researcher");
        assertThat(sameOwnerOtherWorkspace.get(draft).status()).isEqualTo(200);
        Answer change = sameOwnerOtherWorkspace.upload(draft, "x.csv", "a".getBytes(), Map.of("Enclave-Group", "tables"));
        assertThat(change.status()).isEqualTo(403);
        assertThat(jdbc.queryForList("SELECT action FROM platform.audit_log WHERE target = ? ORDER BY seq",
                String.class, "request:" + draft)).contains("request.read.refused", "request.file_upload.refused");
    }

    private void assertNothingStored() {
        assertThat(files()).as("file rows").isZero();
        assertThat(staged()).as("staged uploads").isZero();
    }

    private int requests() {
        return jdbc.queryForObject("SELECT count(*) FROM requests", Integer.class);
    }

    private int files() {
        return jdbc.queryForObject("SELECT count(*) FROM request_files WHERE request_id = ?::uuid", Integer.class,
                draft);
    }

    private long staged() {
        try (Stream<Path> parts = Files.list(storage.resolve("staging"))) {
            return parts.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream zeros(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
    }

    private static InputStream numbered(long size, int i) {
        return new java.io.SequenceInputStream(new ByteArrayInputStream(("file " + i + "\n").getBytes()),
                zeros(size - ("file " + i + "\n").length()));
    }
}
