package eu.enclave.egress.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    private FilesystemBlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new FilesystemBlobStore(root);
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected int stagedCount() throws IOException {
        try (Stream<Path> parts = Files.list(root.resolve("staging"))) {
            return (int) parts.count();
        }
    }

    @Test
    void aCommittedBlobIsAFileNamedByItsHash() throws Exception {
        BlobRef ref = put(new byte[] {1, 2, 3});

        assertThat(ref.locator()).isEqualTo("sha256/" + ref.sha256());
        assertThat(root.resolve("blobs").resolve(ref.sha256().substring(0, 2)).resolve(ref.sha256())).isRegularFile();
    }

    @Test
    void aLocatorThatIsNotAHashIsRefusedBeforeTouchingTheDisk() {
        assertThatThrownBy(() -> store.open("sha256/../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("s3-key")).isInstanceOf(IllegalArgumentException.class);
    }
}
