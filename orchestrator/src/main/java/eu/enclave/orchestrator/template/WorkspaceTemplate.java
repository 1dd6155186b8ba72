package eu.enclave.orchestrator.template;

import java.util.Locale;

/**
 * One kind of workspace researchers can start, as its descriptor ({@code workspace-templates/<id>/template.yaml})
 * states it. Immutable, and valid by construction: only {@link TemplateDescriptorReader} makes them, after checking
 * every field.
 *
 * @param id          a DNS label, the name used in the API and the database
 * @param image       a container image reference with a tag (never {@code latest}) or a digest
 * @param port        the desktop port the image listens on, exposed by the workspace Service as {@code desktop}
 * @param gpu         whether the template runs on a GPU; only then may its resources request GPUs
 * @param defaults    the resources of a workspace that asks for no size
 * @param maximum     the most a workspace of this template may ask for; each default is at most this
 */
public record WorkspaceTemplate(String id, DisplayNames displayName, String image, Protocol protocol, int port,
                                boolean gpu, TemplateResources defaults, TemplateResources maximum,
                                MountPoints mounts) {

    /** The display name in the user's language (French or, otherwise, English). */
    public String displayName(Locale locale) {
        return displayName.in(locale);
    }

    /** How guacd speaks to the desktop. */
    public enum Protocol {
        VNC, RDP;

        /** The descriptor's and the API's spelling. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The name shown to people, in the portal's two languages. */
    public record DisplayNames(String en, String fr) {

        public String in(Locale locale) {
            return locale != null && "fr".equals(locale.getLanguage()) ? fr : en;
        }
    }

    /**
     * CPU and memory as Kubernetes quantities ({@code "2"}, {@code "500m"}, {@code "8Gi"}), and a GPU count (0 for
     * templates without GPU).
     */
    public record TemplateResources(String cpu, String memory, int gpu) {
    }

    /** Absolute paths inside the workspace where the pod mounts each volume (datasets under {@code data}). */
    public record MountPoints(String home, String share, String outbox, String data) {
    }
}
