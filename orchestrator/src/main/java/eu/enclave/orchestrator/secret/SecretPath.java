package eu.enclave.orchestrator.secret;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where one secret lives, relative to the store's prefix: {@code projects/<project>/<segments...>}, for example
 * {@code projects/cohort/workspaces/ws-1/desktop}. Segments are plain names (no slash, no dot-dot), so that a
 * path can never leave its project's folder.
 *
 * @param project  the project's slug
 * @param segments the path inside the project's folder
 */
public record SecretPath(String project, List<String> segments) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,126}[A-Za-z0-9])?");

    public SecretPath {
        check(project);
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a secret path needs at least one segment under the project");
        }
        segments.forEach(SecretPath::check);
    }

    public static SecretPath of(String project, String... segments) {
        return new SecretPath(project, Arrays.asList(segments));
    }

    /** The password of a workspace's desktop, delivered to its pod as the Secret {@code ws-<name>-desktop}. */
    public static SecretPath workspaceDesktop(String project, String workspace) {
        return of(project, "workspaces", workspace, "desktop");
    }

    /** The project's folder, relative to the prefix: {@code projects/<project>}. */
    static String projectFolder(String project) {
        check(project);
        return "projects/" + project;
    }

    /** Parses a path relative to the project's folder, as listed by the store: {@code workspaces/ws-1/desktop}. */
    static SecretPath parse(String project, String relative) {
        return new SecretPath(project, Arrays.asList(relative.split("/")));
    }

    /** {@code workspaces/ws-1/desktop}: the part under the project's folder. */
    public String relative() {
        return String.join("/", segments);
    }

    /** {@code projects/cohort/workspaces/ws-1/desktop}: the part under the store's prefix. */
    public String underPrefix() {
        return projectFolder(project) + "/" + relative();
    }

    @Override
    public String toString() {
        return underPrefix();
    }

    private static void check(String segment) {
        if (segment == null || !SEGMENT.matcher(segment).matches() || segment.contains("..")) {
            throw new IllegalArgumentException("not a valid secret path segment: '" + segment + "'");
        }
    }
}
