package eu.enclave.egress.intake;

import eu.enclave.egress.orchestrator.Person;
import eu.enclave.egress.orchestrator.TokenIntrospection;
import java.util.UUID;

/**
 * Who calls the intake: a workspace, as its egress token's introspection names it. Project, workspace and owner
 * always come from here, never from a request's body. The token itself is kept only to introspect it once more
 * before an upload commits, and never printed.
 */
public record IntakeCaller(EgressToken token, String project, UUID projectId, UUID workspaceId, String workspace,
                           UUID startId, Person owner, String sourceAddress) {

    static IntakeCaller of(EgressToken token, TokenIntrospection answer, String sourceAddress) {
        return new IntakeCaller(token, answer.project().slug(), answer.project().id(), answer.workspace().id(),
                answer.workspace().name(), answer.workspace().startId(), answer.owner(), sourceAddress);
    }

    /** Audit and log name of the workspace: {@code <project>/<workspace>}. */
    public String workspacePath() {
        return project + "/" + workspace;
    }

    /** An egress token: its value for the orchestrator only, its hash for everything else. */
    public static final class EgressToken {

        private final String value;
        private final String key;

        EgressToken(String value, String key) {
            this.value = value;
            this.key = key;
        }

        String value() {
            return value;
        }

        /** The token's SHA-256, hex: for caches and rate limits. */
        public String key() {
            return key;
        }

        @Override
        public String toString() {
            return "[egress token]";
        }
    }
}
