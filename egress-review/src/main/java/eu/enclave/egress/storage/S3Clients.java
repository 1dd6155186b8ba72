package eu.enclave.egress.storage;

import java.time.Duration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the S3 client from {@link S3Settings}: nothing is taken from the environment, profiles or instance metadata. */
public final class S3Clients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private S3Clients() {
    }

    /** Refuses settings with problems, naming every one. */
    public static S3Client create(S3Settings settings) {
        if (!settings.problems().isEmpty()) {
            throw new IllegalArgumentException("S3 storage is misconfigured:\n  - "
                    + String.join("\n  - ", settings.problems()));
        }
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(new FileCredentials(settings.accessKeyFile(), settings.secretKeyFile()))
                .forcePathStyle(settings.pathStyle())
                // The JDK's HttpURLConnection, told by the SDK never to follow a redirect: a 3xx is an error.
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).build())
                // Plain signed requests that every S3-compatible store understands: no aws-chunked bodies and no
                // trailing CRC (the SHA-256 of each blob is computed here as the bytes arrive and checked on read).
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }
}
