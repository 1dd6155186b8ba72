package eu.enclave.orchestrator.workspace;

/**
 * What the workspace feature needs to know of a template to run it.
 *
 * @param protocol    {@code vnc} or {@code rdp}: how guacd talks to the desktop
 * @param port        the desktop's port in the container
 * @param defaultSize the size used for what a request leaves out
 * @param maxSize     the largest size a workspace of this template may ask for
 * @param gpu         whether it may ask for GPUs at all
 * @param runAsUser   the numeric user the image runs as (restricted Pod Security needs a non-root number)
 */
public record WorkspaceImage(String id, String image, String protocol, int port, WorkspaceSize defaultSize,
                             WorkspaceSize maxSize, boolean gpu, long runAsUser) {
}
