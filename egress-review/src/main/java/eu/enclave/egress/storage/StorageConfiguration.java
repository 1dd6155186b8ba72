package eu.enclave.egress.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The blob store: the filesystem one by default ({@code enclave.storage.kind=filesystem}), under
 * {@code enclave.storage.filesystem.root}. Without a root it uses a temporary folder, as the embedded database is
 * temporary without a data directory; the production profile refuses that.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = "enclave.storage.kind", havingValue = "filesystem", matchIfMissing = true)
    BlobStore filesystemBlobStore(@Value("${enclave.storage.filesystem.root:}") String root, Environment environment)
            throws IOException {
        if (!root.isBlank()) {
            log.info("Blob store: filesystem under {}", root);
            return new FilesystemBlobStore(Path.of(root));
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("The production profile 'prod' needs a durable blob store: set "
                    + "enclave.storage.filesystem.root to a persistent volume (or enclave.storage.kind=s3).");
        }
        Path temporary = Files.createTempDirectory("enclave-egress-blobs");
        log.warn("Blob store: temporary folder {} (set enclave.storage.filesystem.root, or ENCLAVE_DATA_DIR with the "
                + "launcher, to keep submitted files across restarts)", temporary);
        return new FilesystemBlobStore(temporary);
    }
}
