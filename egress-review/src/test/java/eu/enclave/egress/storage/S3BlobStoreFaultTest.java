package eu.enclave.egress.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** How the S3 store fails: whatever goes wrong, nothing is left half-stored, and nothing follows a redirect. */
class S3BlobStoreFaultTest {

    private static final byte[] MORE_THAN_A_PART = S3Peer.bytes(S3Settings.MIN_PART_SIZE + 1, 3);

    @TempDir
    Path folder;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void aPartAnswered500UntilTheRetriesRunOutFailsTheUploadAndLeavesNothing() throws Exception {
        S3Peer peer = peer(Clock.systemUTC());
        BlobStore store = store(S3Fixtures.peerSettings(peer, folder));
        peer.failParts(100);

        try (BlobUpload upload = store.begin(MORE_THAN_A_PART.length)) {
            assertThatThrownBy(() -> upload.output().write(MORE_THAN_A_PART))
                    .isInstanceOf(BlobStoreFailure.class).hasMessageContaining("500 InternalError");
            assertThatThrownBy(upload::commit).isInstanceOf(IOException.class);
        }
        assertThat(peer.uploadsInProgress()).isZero();
        assertThat(peer.objects()).isEmpty();
    }

    @Test
    void aPartAnswered500OnceIsSentAgain() throws Exception {
        S3Peer peer = peer(Clock.systemUTC());
        BlobStore store = store(S3Fixtures.peerSettings(peer, folder));
        peer.failParts(1);

        BlobRef ref;
        try (BlobUpload upload = store.begin(MORE_THAN_A_PART.length)) {
            upload.output().write(MORE_THAN_A_PART);
            ref = upload.commit();
        }
        try (var in = store.open(ref.locator())) {
            assertThat(in.readAllBytes()).isEqualTo(MORE_THAN_A_PART);
        }
        assertThat(peer.seen()).filteredOn(s -> s.status() == 500).hasSize(1);
    }

    @Test
    void aConnectionCutInTheMiddleOfAPartFailsTheUploadAndLeavesNothing() throws Exception {
        S3Peer peer = peer(Clock.systemUTC());
        BlobStore store = store(S3Fixtures.peerSettings(peer, folder));
        peer.cutParts(100);

        try (BlobUpload upload = store.begin(MORE_THAN_A_PART.length)) {
            assertThatThrownBy(() -> upload.output().write(MORE_THAN_A_PART)).isInstanceOf(BlobStoreFailure.class);
        }
        assertThat(peer.seen()).filteredOn(s -> s.status() == -1).isNotEmpty();
        assertThat(peer.uploadsInProgress()).isZero();
        assertThat(peer.objects()).isEmpty();
    }

    @Test
    void aRedirectIsAnErrorAndItsTargetIsNeverAsked() throws Exception {
        S3Peer elsewhere = peer(Clock.systemUTC());
        S3Peer peer = peer(Clock.systemUTC());
        BlobStore store = store(S3Fixtures.peerSettings(peer, folder));
        peer.putObject("egress/sha256/" + "a".repeat(64), "egress/blobs/x".getBytes());
        peer.redirectTo(elsewhere.endpoint());

        assertThatThrownBy(() -> store.begin(10)).isInstanceOf(BlobStoreFailure.class).hasMessageContaining("301");
        assertThatThrownBy(() -> store.open("sha256/" + "a".repeat(64))).isInstanceOf(BlobStoreFailure.class);
        assertThat(peer.seen()).isNotEmpty().allSatisfy(s -> assertThat(s.status()).isEqualTo(301));
        assertThat(elsewhere.seen()).isEmpty();
    }

    @Test
    void aWrongSecretIsRefusedWithSignatureDoesNotMatch() throws Exception {
        S3Peer peer = peer(Clock.systemUTC());
        BlobStore store = store(S3Fixtures.settings(peer.endpoint(), S3Peer.BUCKET, S3Peer.REGION, S3Peer.ACCESS_KEY,
                "not-the-secret", folder, ""));

        assertThatThrownBy(() -> store.begin(10)).isInstanceOf(BlobStoreFailure.class)
                .hasMessageContaining("403 SignatureDoesNotMatch");
        assertThat(peer.uploadsInProgress()).isZero();
    }

    @Test
    void aRequestDatedOutsideFifteenMinutesOfTheStoresClockIsRefused() throws Exception {
        S3Peer peer = peer(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));
        BlobStore store = store(S3Fixtures.peerSettings(peer, folder));

        assertThatThrownBy(() -> store.begin(10)).isInstanceOf(BlobStoreFailure.class)
                .hasMessageContaining("RequestTimeTooSkewed");
    }

    @Test
    void rotatedCredentialFilesAreReadAgainWithoutARestart() throws Exception {
        S3Peer peer = peer(Clock.systemUTC());
        S3Settings settings = S3Fixtures.settings(peer.endpoint(), S3Peer.BUCKET, S3Peer.REGION, S3Peer.ACCESS_KEY,
                "old-secret", folder, "");
        BlobStore store = store(settings);
        assertThatThrownBy(() -> store.begin(10)).isInstanceOf(BlobStoreFailure.class);

        Files.writeString(settings.secretKeyFile(), S3Peer.SECRET_KEY + "\n");
        Files.setLastModifiedTime(settings.secretKeyFile(), FileTime.from(Instant.now().plusSeconds(5)));

        store.begin(10).close();
    }

    @Test
    void theSweeperPagesThroughEveryStagedUploadAndLeavesOthersAlone() throws Exception {
        S3Peer peer = peer(Clock.systemUTC());
        BlobStore store = store(S3Fixtures.peerSettings(peer, folder));
        peer.listPageSize(2);
        for (int i = 0; i < 5; i++) {
            store.begin(10);
        }
        BlobStore otherPrefix = store(S3Fixtures.settings(peer.endpoint(), S3Peer.BUCKET, S3Peer.REGION,
                S3Peer.ACCESS_KEY, S3Peer.SECRET_KEY, Files.createDirectory(folder.resolve("other")), "other/"));
        otherPrefix.begin(10);

        assertThat(store.sweepStaged(Instant.now().plusSeconds(1))).isEqualTo(5);
        assertThat(peer.uploadsInProgress()).isEqualTo(1);
    }

    private S3Peer peer(Clock clock) throws IOException {
        S3Peer peer = new S3Peer(clock);
        open.add(peer);
        return peer;
    }

    private BlobStore store(S3Settings settings) {
        S3Client client = S3Clients.create(settings);
        open.add(client);
        return new S3BlobStore(client, settings);
    }

    static URI uri(String value) {
        return URI.create(value);
    }
}
