package eu.enclave.egress.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * S3 credentials read from two files (mounted Secrets), read again when either file changes so that a rotated
 * Secret is used without a restart. Values are never logged: errors name the file, not its content.
 */
final class FileCredentials implements AwsCredentialsProvider {

    private final Path accessKeyFile;
    private final Path secretKeyFile;
    private Loaded loaded;

    private record Loaded(FileTime accessModified, FileTime secretModified, AwsCredentials credentials) {
    }

    FileCredentials(Path accessKeyFile, Path secretKeyFile) {
        this.accessKeyFile = accessKeyFile;
        this.secretKeyFile = secretKeyFile;
        resolveCredentials();
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        try {
            FileTime access = Files.getLastModifiedTime(accessKeyFile);
            FileTime secret = Files.getLastModifiedTime(secretKeyFile);
            if (loaded == null || !access.equals(loaded.accessModified()) || !secret.equals(loaded.secretModified())) {
                loaded = new Loaded(access, secret,
                        AwsBasicCredentials.create(read(accessKeyFile, "access-key-file"),
                                read(secretKeyFile, "secret-key-file")));
            }
            return loaded.credentials();
        } catch (IOException e) {
            throw new UncheckedIOException("enclave.storage.s3: cannot read the credential file " + e.getMessage(), e);
        }
    }

    private static String read(Path file, String setting) throws IOException {
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (value.isEmpty() || value.contains("\n")) {
            throw new IOException(file + " (enclave.storage.s3." + setting + ") must hold exactly one non-empty line");
        }
        return value;
    }

    @Override
    public String toString() {
        return "FileCredentials[" + accessKeyFile + ", " + secretKeyFile + "]";
    }
}
