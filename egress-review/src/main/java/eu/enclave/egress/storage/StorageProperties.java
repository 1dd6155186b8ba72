package eu.enclave.egress.storage;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code enclave.storage.*}: which blob store egress-review uses ({@code filesystem}, the default, or {@code s3})
 * and its settings (docs/configuration.md, "Storage").
 */
@ConfigurationProperties("enclave.storage")
public record StorageProperties(@DefaultValue("filesystem") String kind, @DefaultValue Filesystem filesystem,
        @DefaultValue S3 s3) {

    /** @param directory where blobs live; empty: {@code <enclave.data-directory>/blobs} */
    public record Filesystem(Path directory) {
    }

    public record S3(URI endpoint, String bucket, @DefaultValue(S3Settings.DEFAULT_REGION) String region,
            Path accessKeyFile, Path secretKeyFile, @DefaultValue("false") boolean pathStyle,
            @DefaultValue("8MB") DataSize partSize, @DefaultValue("") String prefix) {

        S3Settings settings() {
            long bytes = partSize.toBytes();
            return new S3Settings(endpoint, bucket, region, accessKeyFile, secretKeyFile, pathStyle,
                    (int) Math.min(bytes, Integer.MAX_VALUE), prefix);
        }
    }
}
