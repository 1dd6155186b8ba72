package eu.enclave.egress.intake;

import eu.enclave.egress.checks.OutputChecker;
import eu.enclave.egress.storage.BlobStore;
import eu.enclave.egress.storage.BlobTooLarge;
import eu.enclave.egress.storage.BlobUpload;
import eu.enclave.egress.storage.StagedBlob;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.disclosure.FileType;
import eu.enclave.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Streams one upload's body into a staged blob: never more than a 64 KiB buffer and the first bytes kept for the
 * type (at most {@link OutputChecker#HEAD_BYTES}), the SHA-256 computed as the bytes pass, the size limit enforced
 * as they arrive, the type detected from the first bytes and refused at once when the project does not allow it,
 * and the upload timeout kept. Anything that goes wrong discards the staged bytes.
 */
@Component
class UploadReceiver {

    private static final int BUFFER = 1 << 16;

    private final BlobStore blobs;
    private final OutputChecker checker;
    private final IntakeSettings settings;
    private final Clock clock;

    UploadReceiver(BlobStore blobs, OutputChecker checker, IntakeSettings settings, Clock clock) {
        this.blobs = blobs;
        this.checker = checker;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param maxBytes     the most this upload may hold now
     * @param overLimit    what to answer when the body goes past {@code maxBytes} (the limit that bounds it)
     * @param expectedSha256 the client's {@code Content-Digest}, or null
     */
    ReceivedUpload receive(InputStream body, long maxBytes, LongFunction<ApiException> overLimit,
                           DisclosurePolicy policy, String expectedSha256) {
        BlobUpload upload;
        try {
            upload = blobs.begin(maxBytes);
        } catch (IOException e) {
            throw storageUnavailable();
        }
        try {
            String type = stream(body, upload.output(), maxBytes, policy);
            StagedBlob staged = upload.finish();
            if (expectedSha256 != null && !expectedSha256.equals(staged.sha256())) {
                throw ApiException.invalid(UploadHeaders.DIGEST, "does not match the " + staged.size()
                        + " bytes received (SHA-256 " + staged.sha256() + "): the body was truncated or altered");
            }
            return new ReceivedUpload(upload, staged, type);
        } catch (BlobTooLarge e) {
            upload.close();
            throw overLimit.apply(e.limit());
        } catch (IOException e) {
            upload.close();
            throw storageUnavailable();
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    private String stream(InputStream body, OutputStream out, long maxBytes, DisclosurePolicy policy) throws IOException {
        Instant deadline = clock.instant().plus(settings.uploadTimeout());
        byte[] buffer = new byte[BUFFER];
        byte[] head = new byte[(int) Math.min(OutputChecker.HEAD_BYTES, Math.max(0, maxBytes))];
        int headLength = 0;
        String type = null;
        while (true) {
            int n = read(body, buffer);
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            if (type == null) {
                int copy = Math.min(n, head.length - headLength);
                System.arraycopy(buffer, 0, head, headLength, copy);
                headLength += copy;
                if (headLength == head.length) {
                    type = allowedType(head, headLength, policy);
                }
            }
            if (clock.instant().isAfter(deadline)) {
                throw IntakeProblem.timeout("body", "took longer than " + settings.uploadTimeout()
                        + " (enclave.intake.upload-timeout); nothing was stored");
            }
        }
        return type != null ? type : allowedType(head, headLength, policy);
    }

    /** The detected type; refused (415, naming it) when the project's policy does not allow it. */
    private String allowedType(byte[] head, int length, DisclosurePolicy policy) {
        String type = checker.detectType(length == head.length ? head : Arrays.copyOf(head, length));
        Optional<FileType> known = FileType.parse(type);
        if (known.isPresent() && !policy.allowedTypes().contains(known.get())) {
            throw IntakeProblem.unsupportedType("content", "is " + type + " (detected from its content), a type this "
                    + "project does not allow; allowed: " + policy.allowedTypes().stream().map(FileType::id).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return type;
    }

    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw ApiException.invalid("body", "was interrupted or truncated before its end; nothing was stored");
        }
    }

    private static ApiException storageUnavailable() {
        return ApiException.unavailable("The blob store cannot take the file now; nothing was stored. Retry later.");
    }
}
