package eu.enclave.egress.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** What every {@link BlobStore} must do; each implementation's test extends this with its own store. */
public abstract class BlobStoreContract {

    protected abstract BlobStore store();

    /** How many staged uploads the store holds now (files, or multipart uploads in progress). */
    protected abstract int stagedCount() throws IOException;

    protected BlobRef put(byte[] content) throws IOException {
        try (BlobUpload upload = store().begin(content.length + 1L)) {
            upload.output().write(content);
            return upload.commit();
        }
    }

    @Test
    void aCommittedBlobReadsBackWithItsHashAndSize() throws Exception {
        byte[] content = "effectif;n\nA;12\n".getBytes(StandardCharsets.UTF_8);
        BlobRef ref = put(content);

        assertThat(ref.sha256()).isEqualTo(sha256(content));
        assertThat(ref.size()).isEqualTo(content.length);
        assertThat(ref.store()).isEqualTo(store().kind());
        assertThat(store().exists(ref.locator())).isTrue();
        try (InputStream in = store().open(ref.locator())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(stagedCount()).isZero();
    }

    @Test
    void finishTellsTheHashBeforeTheCommitAndNothingIsABlobUntilThen() throws Exception {
        byte[] content = "before commit".getBytes(StandardCharsets.UTF_8);
        try (BlobUpload upload = store().begin(100)) {
            upload.output().write(content);
            StagedBlob staged = upload.finish();
            assertThat(staged).isEqualTo(new StagedBlob(sha256(content), content.length));
            assertThat(stagedCount()).isEqualTo(1);
        }
        assertThat(stagedCount()).isZero();
    }

    @Test
    void theSameContentIsStoredOnce() throws Exception {
        byte[] content = "same".getBytes(StandardCharsets.UTF_8);
        BlobRef first = put(content);
        BlobRef second = put(content);

        assertThat(second.sha256()).isEqualTo(first.sha256());
        try (InputStream in = store().open(second.locator())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(stagedCount()).isZero();
    }

    @Test
    void anUploadOverItsLimitFailsAndLeavesNothing() throws Exception {
        try (BlobUpload upload = store().begin(10)) {
            upload.output().write(new byte[6]);
            assertThatThrownBy(() -> upload.output().write(new byte[6])).isInstanceOf(BlobTooLarge.class);
        }
        assertThat(stagedCount()).isZero();
    }

    @Test
    void anUploadClosedWithoutCommitLeavesNothing() throws Exception {
        byte[] content = "abandoned".getBytes(StandardCharsets.UTF_8);
        try (BlobUpload upload = store().begin(100)) {
            upload.output().write(content);
        }
        assertThat(stagedCount()).isZero();
        BlobRef stored = put("other".getBytes(StandardCharsets.UTF_8));
        assertThat(store().exists(stored.locator().replace(stored.sha256(), sha256(content)))).isFalse();
    }

    @Test
    void aDeletedBlobIsGoneAndDeletingAgainIsFine() throws Exception {
        BlobRef ref = put("to purge".getBytes(StandardCharsets.UTF_8));
        store().delete(ref.locator());
        store().delete(ref.locator());

        assertThat(store().exists(ref.locator())).isFalse();
        assertThatThrownBy(() -> store().open(ref.locator()).close()).isInstanceOf(NoSuchBlob.class);
    }

    @Test
    void theSweeperRemovesStagedUploadsOlderThanTheCutoffOnly() throws Exception {
        BlobUpload abandoned = store().begin(100);
        abandoned.output().write(1);
        abandoned.output().flush();

        assertThat(store().sweepStaged(Instant.now().minusSeconds(3600))).isZero();
        assertThat(stagedCount()).isEqualTo(1);
        assertThat(store().sweepStaged(Instant.now().plusSeconds(60))).isEqualTo(1);
        assertThat(stagedCount()).isZero();
        abandoned.close();
    }

    protected static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
