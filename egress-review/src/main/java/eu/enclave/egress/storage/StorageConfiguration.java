package eu.enclave.egress.storage;

import eu.enclave.platform.security.DemoProperties;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that chooses egress-review's {@link BlobStore}: {@code enclave.storage.kind} is {@code filesystem}
 * (the default, under the data directory) or {@code s3} (endpoint, bucket, region and credential files from
 * {@code enclave.storage.s3.*}, checked at startup; every problem named at once).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    DataDirectory dataDirectory(@Value("${enclave.data-directory:}") String directory, DemoProperties demo) {
        return new DataDirectory(directory == null || directory.isBlank() ? null : Path.of(directory), demo.enabled());
    }

    @Bean
    BlobStore blobStore(StorageProperties storage, DataDirectory dataDirectory) throws IOException {
        return switch (storage.kind()) {
            case FilesystemBlobStore.KIND -> {
                Path directory = storage.filesystem().directory() != null ? storage.filesystem().directory()
                        : dataDirectory.resolve("the filesystem blob store").resolve("blobs");
                log.info("Blob store: filesystem, {}", directory);
                yield new FilesystemBlobStore(directory);
            }
            case S3BlobStore.KIND -> {
                S3Settings settings = storage.s3().settings();
                log.info("Blob store: S3-compatible, {} bucket {}{}", settings.endpoint(), settings.bucket(),
                        settings.prefix().isEmpty() ? "" : " under " + settings.prefix());
                yield new S3BlobStore(S3Clients.create(settings), settings);
            }
            default -> throw new IllegalArgumentException("enclave.storage.kind: '" + storage.kind()
                    + "' is not a blob store; use filesystem or s3");
        };
    }
}
