package eu.enclave.orchestrator.gateway;

import java.time.Instant;
import java.util.UUID;

/** A recorded desktop session, as listed to admins: where guacd wrote it, whose session it was, and when. */
public record RecordedSession(UUID sessionId, String workspace, String username, Instant openedAt, Instant closedAt,
                              String closeReason, String recordingPath, String recordingName) {
}
