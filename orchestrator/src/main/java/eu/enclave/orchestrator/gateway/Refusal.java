package eu.enclave.orchestrator.gateway;

/**
 * Why a tunnel was refused, as audited ({@code desktop.refused}) and shown to the user. An unknown project and an
 * unknown workspace read the same, so that a forged name learns nothing.
 */
public enum Refusal {
    BAD_REQUEST("bad-request", "The connection request is malformed."),
    NO_SUCH_WORKSPACE("no-such-workspace", "There is no such workspace."),
    NOT_A_MEMBER("not-a-member", "You are not a current member of this project."),
    NOT_OWNER("not-owner", "Only the workspace's owner may open its desktop."),
    PROJECT_NOT_ACTIVE("project-not-active", "The project is not active."),
    WORKSPACE_NOT_RUNNING("workspace-not-running", "The workspace is not running."),
    DESKTOP_UNREACHABLE("desktop-unreachable", "The desktop could not be reached.");

    private final String code;
    private final String message;

    Refusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
