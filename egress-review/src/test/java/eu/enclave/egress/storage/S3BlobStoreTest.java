package eu.enclave.egress.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The blob store contract against the S3 test peer, which checks every request's signature. */
class S3BlobStoreTest extends BlobStoreContract {

    @TempDir
    Path folder;

    private S3Peer peer;
    private S3Client client;
    private S3BlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        peer = new S3Peer();
        S3Settings settings = S3Fixtures.peerSettings(peer, folder);
        client = S3Clients.create(settings);
        store = new S3BlobStore(client, settings);
    }

    @AfterEach
    void tearDown() {
        client.close();
        peer.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected int stagedCount() {
        return peer.uploadsInProgress();
    }

    @Test
    void everyRequestWasSignedAndAcceptedAndEveryBodySignedOverPlainHttp() throws Exception {
        BlobRef ref = put("signed".getBytes());
        store.open(ref.locator()).close();

        assertThat(peer.seen()).isNotEmpty().allSatisfy(seen -> assertThat(seen.status()).as(seen.toString())
                .isIn(200, 204, 404));
        assertThat(peer.seen()).filteredOn(s -> s.method().equals("PUT") || s.method().equals("POST"))
                .allSatisfy(s -> assertThat(s.payloadHash()).matches("[0-9a-f]{64}"));
    }

    @Test
    void aBlobLargerThanOnePartIsSentInPartsAndCompletedOnlyAtCommit() throws Exception {
        byte[] content = S3Peer.bytes(2 * S3Settings.MIN_PART_SIZE + 12_345, 7);
        try (BlobUpload upload = store.begin(content.length)) {
            for (int at = 0; at < content.length; at += 100_000) {
                upload.output().write(content, at, Math.min(100_000, content.length - at));
            }
            StagedBlob staged = upload.finish();
            assertThat(staged.size()).isEqualTo(content.length);
            assertThat(peer.objects()).isEmpty();
            assertThat(peer.seen()).filteredOn(s -> s.method().equals("PUT") && s.query() != null
                    && s.query().contains("partNumber")).hasSize(3);

            BlobRef ref = upload.commit();
            assertThat(ref.sha256()).isEqualTo(sha256(content));
            try (InputStream in = store.open(ref.locator())) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        }
        assertThat(peer.uploadsInProgress()).isZero();
        assertThat(peer.objects()).hasSize(2).containsKey("egress/sha256/" + sha256(content));
    }

    @Test
    void anEmptyBlobIsStoredToo() throws Exception {
        BlobRef ref = put(new byte[0]);

        try (InputStream in = store.open(ref.locator())) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThat(peer.uploadsInProgress()).isZero();
    }

    @Test
    void contentAlreadyStoredAbortsTheNewUploadInsteadOfCompletingIt() throws Exception {
        byte[] content = "twice".getBytes();
        put(content);
        int completions = completions();

        put(content);

        assertThat(completions()).isEqualTo(completions);
        assertThat(peer.objects()).hasSize(2);
        assertThat(peer.seen()).filteredOn(s -> s.method().equals("DELETE") && s.query() != null
                && s.query().startsWith("uploadId")).hasSize(1);
    }

    @Test
    void aLocatorThatIsNotAHashIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> store.open("sha256/../../other-bucket")).isInstanceOf(IllegalArgumentException.class);
        assertThat(peer.seen()).isEmpty();
    }

    private int completions() {
        return (int) peer.seen().stream().filter(s -> s.method().equals("POST") && s.query() != null
                && s.query().startsWith("uploadId")).count();
    }
}
