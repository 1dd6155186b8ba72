package eu.enclave.egress.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an S3-compatible store is and how to sign in to it, from deployment configuration only
 * ({@code enclave.storage.s3.*}). The endpoint must be https; plain http is accepted only for a loopback address
 * (a test peer or a local MinIO on the same host), so that neither credentials' signatures nor output content
 * ever cross a network in clear.
 *
 * @param endpoint      the service's base URL, without bucket, path, query or user information
 * @param bucket        the bucket that holds every blob (it must exist)
 * @param region        the region that signatures name; S3-compatible stores usually accept {@code us-east-1}
 * @param accessKeyFile file holding the access key id (one line, e.g. a mounted Secret)
 * @param secretKeyFile file holding the secret access key
 * @param pathStyle     {@code https://host/bucket/key} instead of {@code https://bucket.host/key} (MinIO, Ceph)
 * @param partSize      bytes per multipart part, 8 to 64 MiB: the memory one upload in progress may hold
 * @param prefix        a folder inside the bucket for Enclave's objects, empty for the bucket's root
 */
public record S3Settings(URI endpoint, String bucket, String region, Path accessKeyFile, Path secretKeyFile,
        boolean pathStyle, int partSize, String prefix) {

    public static final int MIN_PART_SIZE = 8 << 20;
    public static final int MAX_PART_SIZE = 64 << 20;
    public static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9._-]+/)*");

    /** Every problem of these settings at once, each as {@code enclave.storage.s3.<field>: reason}; empty if none. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        endpointProblem().ifPresent(problems::add);
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            problems.add("enclave.storage.s3.bucket: required, 3 to 63 lower-case letters, digits, dots or hyphens");
        }
        if (region == null || region.isBlank()) {
            problems.add("enclave.storage.s3.region: required");
        }
        if (accessKeyFile == null) {
            problems.add("enclave.storage.s3.access-key-file: required (a file holding the access key id)");
        }
        if (secretKeyFile == null) {
            problems.add("enclave.storage.s3.secret-key-file: required (a file holding the secret access key)");
        }
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            problems.add("enclave.storage.s3.part-size: must be between 8MB and 64MB, was " + partSize + " bytes");
        }
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            problems.add("enclave.storage.s3.prefix: empty, or folder names each ending with '/' (e.g. enclave/)");
        }
        return problems;
    }

    /** The largest blob these settings can hold: S3 allows 10,000 parts per upload. */
    public long largestBlob() {
        return (long) partSize * 10_000;
    }

    private Optional<String> endpointProblem() {
        String field = "enclave.storage.s3.endpoint: ";
        if (endpoint == null) {
            return Optional.of(field + "required (https://...)");
        }
        if (endpoint.getHost() == null || endpoint.getRawUserInfo() != null || endpoint.getRawQuery() != null
                || endpoint.getRawFragment() != null || !(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()
                || endpoint.getRawPath().equals("/"))) {
            return Optional.of(field + "a base URL with a host and nothing else (no path, query or user)");
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && isLoopback(endpoint.getHost())) {
            return Optional.empty();
        }
        return Optional.of(field + "must use https (http is accepted only for a loopback address)");
    }

    /** Only literal loopback names: a name that resolves to loopback today could resolve elsewhere tomorrow. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
