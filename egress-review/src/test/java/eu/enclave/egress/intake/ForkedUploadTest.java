package eu.enclave.egress.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.egress.orchestrator.OrchestratorPeer;
import eu.enclave.egress.storage.FilesystemBlobStore;
import eu.enclave.egress.support.ForkedEgressReview;
import eu.enclave.egress.support.IntakeClient;
import eu.enclave.egress.support.IntakeClient.Answer;
import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploads stream end to end: 256 MiB go through an egress-review whose whole heap is 64 MiB, hashed on the way, and
 * stored whole; and killing it (kill -9) in the middle of an upload leaves no row and no blob, only a staged part
 * that the sweeper removes once it is older than the upload timeout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForkedUploadTest {

    private static final long SIZE = 256L << 20;

    @TempDir
    static Path temp;

    private static TestDatabase database;
    private static ForkedEgressReview service;
    private static IntakeClient client;
    private static String requestId;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabases.create();
        service = new ForkedEgressReview("64m", database, temp.resolve("blobs"));
        OrchestratorPeer.PeerWorkspace workspace = OrchestratorPeer.shared().project("forked-" + System.nanoTime()
                % 100_000).workspace("analysis", "researcher");
        client = new IntakeClient(service.intakePort(), workspace.start());
        Answer created = client.create("{\"title\": \"Big\", \"groups\": [{\"name\": \"data\", \"context\": \"c\","
                + " \"controls\": \"k\"}]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        requestId = created.json().path("id").asString();
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void aFileFourTimesTheHeapStreamsThroughAndIsStoredWhole() throws Exception {
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        Answer stored = client.upload(requestId, "big.csv", () -> new Generated(SIZE, sent, null), SIZE, Map.of());

        assertThat(stored.status()).as(stored + "\n" + String.join("\n", service.output())).isEqualTo(201);
        String sha256 = HexFormat.of().formatHex(sent.digest());
        assertThat(stored.json().path("sha256").asString()).isEqualTo(sha256);
        assertThat(stored.json().path("size").asLong()).isEqualTo(SIZE);
        Path blob = temp.resolve("blobs").resolve("blobs").resolve(sha256.substring(0, 2)).resolve(sha256);
        assertThat(Files.size(blob)).isEqualTo(SIZE);
        assertThat(service.process().isAlive()).as("no OutOfMemoryError").isTrue();
    }

    @Test
    @Order(2)
    void killedMidUploadItLeavesNoRowAndNoBlob() throws Exception {
        long blobsBefore = count(temp.resolve("blobs").resolve("blobs"));
        CountDownLatch halfway = new CountDownLatch(1);
        CompletableFuture<Answer> upload = CompletableFuture.supplyAsync(() -> client.upload(requestId, "cut.csv",
                () -> new Generated(SIZE, null, halfway), SIZE, Map.of()));
        assertThat(halfway.await(2, TimeUnit.MINUTES)).isTrue();
        assertThat(count(temp.resolve("blobs").resolve("staging"))).as("the upload is staged").isEqualTo(1);

        service.kill();
        assertThatThrownBy(upload::join).as("the connection died with the service");

        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM request_files WHERE name = 'cut.csv'", Integer.class))
                .isZero();
        assertThat(count(temp.resolve("blobs").resolve("blobs"))).isEqualTo(blobsBefore);
        FilesystemBlobStore store = new FilesystemBlobStore(temp.resolve("blobs"));
        assertThat(store.sweepStaged(Instant.now().plusSeconds(1))).as("what the next start's sweeper removes")
                .isEqualTo(1);
        assertThat(count(temp.resolve("blobs").resolve("staging"))).isZero();
    }

    private static long count(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Deterministic CSV-looking bytes made as they are read, hashed as they go; signals once a quarter is read. */
    private static final class Generated extends InputStream {

        private final long size;
        private final MessageDigest digest;
        private final CountDownLatch quarter;
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        Generated(long size, MessageDigest digest, CountDownLatch quarter) {
            this.size = size;
            this.digest = digest;
            this.quarter = quarter;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                if (p == 0) {
                    b[off + i] = 'a';
                } else if (p % 64 == 63) {
                    b[off + i] = '\n';
                } else {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                    b[off + i] = (byte) (p % 8 == 0 ? ';' : '0' + (state & 7));
                }
            }
            if (digest != null) {
                digest.update(b, off, n);
            }
            position += n;
            if (quarter != null && position >= size / 4) {
                quarter.countDown();
            }
            return n;
        }
    }
}
