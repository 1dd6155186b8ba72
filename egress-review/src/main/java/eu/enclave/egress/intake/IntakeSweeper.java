package eu.enclave.egress.intake;

import eu.enclave.egress.scheduling.PeriodicWork;
import eu.enclave.egress.storage.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Removes what interrupted intake calls may leave behind: staged uploads older than the upload timeout plus a
 * margin (an upload cut off by a crash, on this replica or another sharing the store), files of pre-submission
 * checks left by a crash, and idempotency keys past their retention. Runs at startup, then every sweep interval.
 */
@Component
public class IntakeSweeper extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(IntakeSweeper.class);

    private final BlobStore blobs;
    private final IdempotencyKeys keys;
    private final CheckScratch scratch;
    private final IntakeSettings settings;
    private final Clock clock;

    IntakeSweeper(BlobStore blobs, IdempotencyKeys keys, CheckScratch scratch, IntakeSettings settings, Clock clock) {
        super("intake-sweeper", settings.sweepInterval(), true);
        this.blobs = blobs;
        this.keys = keys;
        this.scratch = scratch;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass; what it removed. */
    public Swept sweep() {
        Instant now = clock.instant();
        Instant abandoned = now.minus(settings.stagedAbandonedAfter());
        int staged = 0;
        int checkFiles = 0;
        try {
            staged = blobs.sweepStaged(abandoned);
            checkFiles = scratch.sweep(abandoned);
        } catch (IOException e) {
            log.warn("Could not sweep staged uploads", e);
        }
        int expiredKeys = keys.purgeBefore(now.minus(settings.idempotencyRetention()));
        if (staged + checkFiles > 0) {
            log.info("Removed {} abandoned staged upload(s) and {} leftover check file(s)", staged, checkFiles);
        }
        return new Swept(staged, checkFiles, expiredKeys);
    }

    public record Swept(int stagedUploads, int checkFiles, int idempotencyKeys) {
    }

    @Override
    protected void runOnce() {
        sweep();
    }
}
