package eu.enclave.egress.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The intake listener and its limits (docs/egress.md).
 *
 * @param port                     the intake port (8082), only for workspaces; 0 takes a free port (tests)
 * @param maxFileSize              largest file
 * @param maxFilesPerRequest       most current files in one request
 * @param maxBytesPerProjectPerDay most bytes a project's workspaces may upload in any 24 hours
 * @param uploadTimeout            longest an upload may take; the sweeper removes staged uploads older than this
 *                                 plus {@code sweepMargin}
 * @param sweepMargin              see {@code uploadTimeout}
 * @param sweepInterval            how often the sweeper runs
 * @param maxGroups                most file groups in one request
 * @param checksMaxSize            largest file of a pre-submission check
 * @param checksPerMinute          pre-submission checks per token and minute
 * @param idempotencyRetention     how long an Idempotency-Key is remembered
 */
@ConfigurationProperties("enclave.intake")
public record IntakeSettings(int port, DataSize maxFileSize, int maxFilesPerRequest, DataSize maxBytesPerProjectPerDay,
                             Duration uploadTimeout, Duration sweepMargin, Duration sweepInterval, int maxGroups,
                             DataSize checksMaxSize, int checksPerMinute, Duration idempotencyRetention) {

    public IntakeSettings {
        maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(10) : maxFileSize;
        maxFilesPerRequest = maxFilesPerRequest <= 0 ? 200 : maxFilesPerRequest;
        maxBytesPerProjectPerDay = maxBytesPerProjectPerDay == null ? DataSize.ofGigabytes(50)
                : maxBytesPerProjectPerDay;
        uploadTimeout = uploadTimeout == null ? Duration.ofHours(1) : uploadTimeout;
        sweepMargin = sweepMargin == null ? Duration.ofMinutes(15) : sweepMargin;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(10) : sweepInterval;
        maxGroups = maxGroups <= 0 ? 50 : maxGroups;
        checksMaxSize = checksMaxSize == null ? DataSize.ofMegabytes(256) : checksMaxSize;
        checksPerMinute = checksPerMinute <= 0 ? 30 : checksPerMinute;
        idempotencyRetention = idempotencyRetention == null ? Duration.ofHours(24) : idempotencyRetention;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("enclave.intake.port must be 0 to 65535, was " + port);
        }
        if (maxFileSize.toBytes() <= 0 || maxBytesPerProjectPerDay.toBytes() <= 0 || checksMaxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("enclave.intake size limits must be positive");
        }
        if (isNotPositive(uploadTimeout) || sweepMargin.isNegative() || isNotPositive(sweepInterval)) {
            throw new IllegalArgumentException("enclave.intake.upload-timeout and sweep-interval must be positive,"
                    + " sweep-margin not negative");
        }
    }

    private static boolean isNotPositive(Duration duration) {
        return duration.isNegative() || duration.isZero();
    }

    /** Staged uploads begun before now minus this are abandoned. */
    public Duration stagedAbandonedAfter() {
        return uploadTimeout.plus(sweepMargin);
    }
}
