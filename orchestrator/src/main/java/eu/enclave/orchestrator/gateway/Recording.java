package eu.enclave.orchestrator.gateway;

/** Where guacd writes one session's recording: a folder per project on the recording volume, a file per session. */
public record Recording(String path, String name) {

    static Recording of(String root, String projectSlug, String sessionId) {
        String folder = root.endsWith("/") ? root + projectSlug : root + "/" + projectSlug;
        return new Recording(folder, sessionId);
    }
}
