package eu.enclave.egress.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Credential files and settings for a store under test. */
final class S3Fixtures {

    private S3Fixtures() {
    }

    static S3Settings settings(URI endpoint, String bucket, String region, String accessKey, String secretKey,
            Path folder, String prefix) throws IOException {
        Path access = Files.writeString(folder.resolve("access-key"), accessKey + "\n");
        Path secret = Files.writeString(folder.resolve("secret-key"), secretKey + "\n");
        return new S3Settings(endpoint, bucket, region, access, secret, true, S3Settings.MIN_PART_SIZE, prefix);
    }

    static S3Settings peerSettings(S3Peer peer, Path folder) throws IOException {
        return settings(peer.endpoint(), S3Peer.BUCKET, S3Peer.REGION, S3Peer.ACCESS_KEY, S3Peer.SECRET_KEY, folder,
                "egress/");
    }
}
