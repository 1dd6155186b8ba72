package eu.enclave.egress.storage;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.platform.security.DemoProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code enclave.storage.kind} chooses one {@link BlobStore}; bad settings stop the start with the setting named. */
class StorageConfigurationTest {

    @TempDir
    Path folder;

    private ApplicationContextRunner runner(boolean demo) {
        return new ApplicationContextRunner().withUserConfiguration(StorageConfiguration.class)
                .withBean(DemoProperties.class, () -> new DemoProperties(demo, null, null));
    }

    @Test
    void theDefaultIsTheFilesystemUnderTheDataDirectory() {
        runner(false).withPropertyValues("enclave.data-directory=" + folder).run(context -> {
            assertThat(context).hasSingleBean(BlobStore.class);
            assertThat(context.getBean(BlobStore.class)).isInstanceOf(FilesystemBlobStore.class);
            assertThat(folder.resolve("blobs/staging")).isDirectory();
        });
    }

    @Test
    void outsideDemoModeTheFilesystemStoreNeedsAFolder() {
        runner(false).run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("enclave.data-directory: required for the filesystem blob store"));
    }

    @Test
    void inDemoModeWithoutAFolderATemporaryOneIsUsed() {
        runner(true).run(context -> assertThat(context.getBean(BlobStore.class)).isInstanceOf(FilesystemBlobStore.class));
    }

    @Test
    void s3IsChosenByItsKindAndWorksWithItsSettings() throws Exception {
        try (S3Peer peer = new S3Peer()) {
            S3Settings s3 = S3Fixtures.peerSettings(peer, folder);
            runner(false).withPropertyValues("enclave.storage.kind=s3", "enclave.storage.s3.endpoint=" + peer.endpoint(),
                    "enclave.storage.s3.bucket=" + S3Peer.BUCKET, "enclave.storage.s3.region=" + S3Peer.REGION,
                    "enclave.storage.s3.access-key-file=" + s3.accessKeyFile(),
                    "enclave.storage.s3.secret-key-file=" + s3.secretKeyFile(), "enclave.storage.s3.path-style=true",
                    "enclave.storage.s3.part-size=16MB", "enclave.storage.s3.prefix=egress/").run(context -> {
                        BlobStore store = context.getBean(BlobStore.class);
                        assertThat(store.kind()).isEqualTo("s3");
                        BlobRef ref;
                        try (BlobUpload upload = store.begin(100)) {
                            upload.output().write("configured".getBytes());
                            ref = upload.commit();
                        }
                        try (InputStream in = store.open(ref.locator())) {
                            assertThat(in.readAllBytes()).isEqualTo("configured".getBytes());
                        }
                    });
            assertThat(peer.objects()).containsKey("egress/sha256/" + BlobStoreContract.sha256("configured".getBytes()));
        }
    }

    @Test
    void badS3SettingsStopTheStartNamingEveryProblem() throws IOException {
        Path key = Files.writeString(folder.resolve("key"), "x");
        runner(true).withPropertyValues("enclave.storage.kind=s3", "enclave.storage.s3.endpoint=http://minio.internal:9000",
                "enclave.storage.s3.access-key-file=" + key, "enclave.storage.s3.secret-key-file=" + key,
                "enclave.storage.s3.part-size=1MB").run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("enclave.storage.s3.endpoint: must use https")
                        .hasMessageContaining("enclave.storage.s3.bucket: required")
                        .hasMessageContaining("enclave.storage.s3.part-size"));
    }

    @Test
    void anUnknownKindIsRefused() {
        runner(true).withPropertyValues("enclave.storage.kind=tape").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("enclave.storage.kind: 'tape' is not a blob store"));
    }
}
