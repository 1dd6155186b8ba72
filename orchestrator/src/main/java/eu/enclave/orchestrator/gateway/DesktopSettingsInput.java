package eu.enclave.orchestrator.gateway;

import eu.enclave.platform.web.ApiException;

/** The body of {@code PUT .../desktop-settings}: every field required, checked with a reason naming the field. */
public record DesktopSettingsInput(Boolean pasteAllowed, Boolean recordingEnabled, Integer maxSessionMinutes,
                                   Integer idleTimeoutMinutes) {

    static final int MAX_MINUTES = 1440;

    public DesktopSettings validated() {
        required("pasteAllowed", pasteAllowed);
        required("recordingEnabled", recordingEnabled);
        minutes("maxSessionMinutes", maxSessionMinutes);
        minutes("idleTimeoutMinutes", idleTimeoutMinutes);
        if (idleTimeoutMinutes > maxSessionMinutes) {
            throw ApiException.invalid("idleTimeoutMinutes", "must not exceed maxSessionMinutes ("
                    + maxSessionMinutes + ").");
        }
        return new DesktopSettings(pasteAllowed, recordingEnabled, maxSessionMinutes, idleTimeoutMinutes);
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw ApiException.invalid(field, "is required.");
        }
    }

    private static void minutes(String field, Integer value) {
        required(field, value);
        if (value < 1 || value > MAX_MINUTES) {
            throw ApiException.invalid(field, "must be between 1 and " + MAX_MINUTES + " minutes.");
        }
    }
}
