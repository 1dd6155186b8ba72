package eu.enclave.orchestrator.template.rules;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import eu.enclave.orchestrator.template.DescriptorError;
import eu.enclave.orchestrator.template.TemplateDescriptorReader;
import eu.enclave.orchestrator.template.WorkspaceTemplate;
import eu.enclave.platform.testing.Containerfile;
import eu.enclave.platform.testing.Containerfile.Instruction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules every workspace template folder follows, checked without building anything: its descriptor, its
 * Containerfile, and the files the Containerfile copies from the build context (the folder above the template,
 * {@code workspace-templates/}). Each rule is one method; {@code workspace-templates/README.md} lists them.
 */
final class TemplateFolderRules {

    enum Rule {
        DESCRIPTOR, PINNED_BASE, COPY_SOURCES, NON_ROOT_USER, NO_SECRETS, NO_PIPE_TO_SHELL, PACKAGE_MANAGER_CLOSED,
        NO_SSH, EXPOSED_PORT, FIREFOX_POLICIES, DESKTOP_PASSWORD_FROM_SECRET, EXPORT_TOOL
    }

    record Violation(Rule rule, String detail) {

        @Override
        public String toString() {
            return rule + ": " + detail;
        }
    }

    static final String SECRET_FILE = "/run/secrets/desktop/password";
    static final String POLICIES = "/etc/firefox/policies/policies.json";
    static final String EXPORT_TOOL = "/usr/local/bin/enclave-export";
    static final String EXPORT_LAUNCHER = "/usr/share/applications/enclave-export.desktop";
    static final String EGRESS_TOKEN_FILE = "/run/secrets/egress/token";
    private static final Pattern TOKEN_OPTION = Pattern.compile("add_argument\\(\\s*['\"]--token");
    private static final Pattern LAUNCHER_EXEC = Pattern.compile("(?m)^Exec=.*\\benclave-export\\b");

    private static final Pattern NUMERIC_USER = Pattern.compile("([0-9]+)(?::([0-9]+))?");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(passw|passwd|pwd|secret|token|api_?key|private_?key|credential|access_?key|client_?key).*");
    private static final List<Pattern> SECRET_VALUES = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
            Pattern.compile("\\bxox[abpr]-[A-Za-z0-9-]+"),
            Pattern.compile("://[^/\\s:@]+:[^/\\s@]+@")); // user:password@ in a URL
    private static final List<Pattern> PIPE_TO_SHELL = List.of(
            Pattern.compile("\\b(curl|wget)\\b[^|;&\\n]*\\|\\s*(sudo\\s+)?(env\\s+\\S+\\s+)?(/\\S*/)?"
                    + "(sh|bash|dash|zsh|ksh|python3?|perl|ruby)\\b"),
            Pattern.compile("<\\(\\s*(curl|wget)\\b"),
            Pattern.compile("\\$\\(\\s*(curl|wget)\\b"),
            Pattern.compile("`\\s*(curl|wget)\\b"));
    private static final Pattern INSTALLS = Pattern.compile(
            "\\b(apt-get|apt|aptitude)\\s+(\\S+\\s+)*(install|update|upgrade)\\b|\\bdpkg\\s+-i\\b|\\bpip3?\\s+install\\b");
    private static final Pattern SSH = Pattern.compile("(?i)\\b(sshd|openssh-server|dropbear|ssh-server)\\b");
    private static final Pattern VNC_PASSWORD_IN_IMAGE = Pattern.compile(
            "(?i)\\bvncpasswd\\b|-rfbauth\\b|\\bpasswordfile\\b|-passwd\\b|\\.vnc/passwd|securitytypes\\s*=?\\s*none");
    /** Path to value: each key the Firefox enterprise policies must hold, and the value it must have. */
    private static final Map<String, Object> REQUIRED_POLICIES = Map.ofEntries(
            Map.entry("$.policies.ExtensionSettings['*'].installation_mode", "blocked"),
            Map.entry("$.policies.InstallAddonsPermission.Default", false),
            Map.entry("$.policies.DisableFirefoxAccounts", true),
            Map.entry("$.policies.DisableTelemetry", true),
            Map.entry("$.policies.DisableFirefoxStudies", true),
            Map.entry("$.policies.DisableDeveloperTools", true),
            Map.entry("$.policies.Preferences['devtools.debugger.remote-enabled'].Value", false),
            Map.entry("$.policies.Preferences['devtools.debugger.remote-enabled'].Status", "locked"),
            Map.entry("$.policies.DisableAppUpdate", true),
            Map.entry("$.policies.DontCheckDefaultBrowser", true),
            Map.entry("$.policies.Homepage.Locked", true));
    private static final Pattern LOCAL_HOMEPAGE = Pattern.compile("http://(127\\.0\\.0\\.1|localhost):[0-9]+(/.*)?");

    private final Path folder;
    private final Path context;
    private final List<Violation> violations = new ArrayList<>();

    private TemplateFolderRules(Path folder) {
        this.folder = folder;
        this.context = folder.getParent();
    }

    /** Every rule the template folder breaks; empty when it follows them all. */
    static List<Violation> check(Path templateFolder) {
        TemplateFolderRules rules = new TemplateFolderRules(templateFolder.toAbsolutePath().normalize());
        rules.run();
        return List.copyOf(rules.violations);
    }

    private void run() {
        Optional<WorkspaceTemplate> template = descriptor();
        Path file = folder.resolve("Containerfile");
        if (!Files.isRegularFile(file)) {
            violation(Rule.COPY_SOURCES, "no Containerfile in " + folder);
            return;
        }
        Containerfile all = Containerfile.parse(read(file));
        Containerfile image = all.finalStage();
        pinnedBase(all);
        copySources(all);
        nonRootUser(image);
        noSecrets(all);
        noPipeToShell(all);
        packageManagerClosed(image);
        noSsh(all);
        template.ifPresent(t -> exposedPort(image, t));
        firefoxPolicies(image);
        desktopPasswordFromSecret(image);
        exportTool(image);
    }

    private Optional<WorkspaceTemplate> descriptor() {
        Path file = folder.resolve("template.yaml");
        if (!Files.isRegularFile(file)) {
            violation(Rule.DESCRIPTOR, "no template.yaml in " + folder);
            return Optional.empty();
        }
        TemplateDescriptorReader.Result result = TemplateDescriptorReader.read(file.toString(),
                folder.getFileName().toString(), read(file));
        result.errors().stream().map(DescriptorError::toString).forEach(e -> violation(Rule.DESCRIPTOR, e));
        return result.template();
    }

    private void pinnedBase(Containerfile file) {
        for (Instruction from : file.all("FROM")) {
            String image = from.words().get(0);
            boolean digest = image.contains("@sha256:");
            String tag = image.substring(image.lastIndexOf('/') + 1).contains(":")
                    ? image.substring(image.lastIndexOf(':') + 1) : null;
            if (!digest && (tag == null || tag.equals("latest"))) {
                violation(Rule.PINNED_BASE, "line " + from.line() + ": base image '" + image
                        + "' must name a version tag (not latest) or a digest");
            }
        }
    }

    private void copySources(Containerfile file) {
        for (Instruction add : file.all("ADD")) {
            violation(Rule.COPY_SOURCES, "line " + add.line() + ": ADD fetches and unpacks; use COPY, and download in"
                    + " a RUN that checks a checksum");
        }
        for (Instruction copy : file.all("COPY")) {
            if (copy.arguments().contains("--from") || copy.arguments().startsWith("[")) {
                violation(Rule.COPY_SOURCES, "line " + copy.line() + ": COPY --from and JSON-form COPY are not"
                        + " checked by these rules; copy from the build context in shell form");
                continue;
            }
            List<String> words = copy.words();
            for (String source : words.subList(0, words.size() - 1)) {
                if (!Files.exists(inContext(source))) {
                    violation(Rule.COPY_SOURCES, "line " + copy.line() + ": '" + source + "' is not in the build"
                            + " context " + context);
                }
            }
        }
        for (Instruction run : file.all("RUN")) {
            if (run.arguments().startsWith("<<")) {
                violation(Rule.COPY_SOURCES, "line " + run.line() + ": heredocs are not checked by these rules;"
                        + " put the script in a file");
            }
        }
    }

    private void nonRootUser(Containerfile image) {
        List<Instruction> users = image.all("USER");
        if (users.isEmpty()) {
            violation(Rule.NON_ROOT_USER, "no USER: the image would run as root");
            return;
        }
        Instruction last = users.get(users.size() - 1);
        var m = NUMERIC_USER.matcher(last.arguments());
        if (!m.matches()) {
            violation(Rule.NON_ROOT_USER, "line " + last.line() + ": USER " + last.arguments() + " must be numeric"
                    + " (uid[:gid]) so that Kubernetes can check runAsNonRoot");
        } else if (Long.parseLong(m.group(1)) == 0 || (m.group(2) != null && Long.parseLong(m.group(2)) == 0)) {
            violation(Rule.NON_ROOT_USER, "line " + last.line() + ": USER " + last.arguments() + " is root");
        }
    }

    private void noSecrets(Containerfile file) {
        for (Instruction i : file.instructions()) {
            if (!i.is("ENV") && !i.is("ARG")) {
                continue;
            }
            for (Map.Entry<String, String> variable : variables(i).entrySet()) {
                if (SECRET_NAME.matcher(variable.getKey()).matches()) {
                    violation(Rule.NO_SECRETS, "line " + i.line() + ": " + i.keyword() + " " + variable.getKey()
                            + " has a secret's name; secrets come from mounted Secrets at run time");
                }
                if (SECRET_VALUES.stream().anyMatch(p -> p.matcher(variable.getValue()).find())) {
                    violation(Rule.NO_SECRETS, "line " + i.line() + ": " + i.keyword() + " " + variable.getKey()
                            + " has a value that looks like a secret");
                }
            }
        }
    }

    /** {@code ENV A=1 B="2 3"}, {@code ENV A 1} and {@code ARG A[=1]}, name to value. */
    private static Map<String, String> variables(Instruction i) {
        Map<String, String> variables = new LinkedHashMap<>();
        String text = i.arguments();
        if (i.is("ENV") && !text.contains("=")) {
            String[] parts = text.split("\\s+", 2);
            variables.put(parts[0], parts.length > 1 ? parts[1] : "");
            return variables;
        }
        var m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:=(\"[^\"]*\"|'[^']*'|\\S*))?").matcher(text);
        while (m.find()) {
            variables.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        return variables;
    }

    private void noPipeToShell(Containerfile file) {
        for (Instruction run : file.all("RUN")) {
            pipeToShell("line " + run.line(), run.arguments());
        }
        for (Path copied : copiedFiles(file)) {
            String text = read(copied);
            String[] lines = text.split("\n");
            for (int n = 0; n < lines.length; n++) {
                pipeToShell(context.relativize(copied) + " line " + (n + 1), lines[n]);
            }
        }
    }

    private void pipeToShell(String where, String text) {
        if (PIPE_TO_SHELL.stream().anyMatch(p -> p.matcher(text).find())) {
            violation(Rule.NO_PIPE_TO_SHELL, where + ": runs what it downloads without checking it (curl | sh)");
        }
    }

    private void packageManagerClosed(Containerfile image) {
        List<Instruction> runs = image.all("RUN");
        if (runs.isEmpty()) {
            return;
        }
        Instruction last = runs.get(runs.size() - 1);
        String text = last.arguments();
        List<String> missing = new ArrayList<>();
        if (!Pattern.compile("\\brm\\s+-[a-z]*r[a-z]*f?[a-z]*\\s+[^;&|]*/var/lib/apt/lists(/\\*)?(\\s|$)")
                .matcher(text).find()) {
            missing.add("remove /var/lib/apt/lists/*");
        }
        if (!Pattern.compile("\\brm\\s+[^;&|]*/etc/apt/sources\\.list(\\s|$)").matcher(text).find()) {
            missing.add("remove /etc/apt/sources.list");
        }
        if (!Pattern.compile("\\brm\\s+-[a-z]*r[a-z]*\\s+[^;&|]*/etc/apt/sources\\.list\\.d(/\\*)?(\\s|$)")
                .matcher(text).find()) {
            missing.add("remove /etc/apt/sources.list.d");
        }
        if (!missing.isEmpty()) {
            violation(Rule.PACKAGE_MANAGER_CLOSED, "line " + last.line() + ": the last RUN must " + String.join(", ",
                    missing) + ", so that nothing can be installed from the internet at run time");
        }
        if (INSTALLS.matcher(text).find()) {
            violation(Rule.PACKAGE_MANAGER_CLOSED, "line " + last.line() + ": the last RUN installs or updates"
                    + " packages; closing the package manager must come after every install");
        }
    }

    private void noSsh(Containerfile file) {
        for (Instruction i : file.instructions()) {
            if (SSH.matcher(i.arguments()).find()) {
                violation(Rule.NO_SSH, "line " + i.line() + ": " + i.keyword() + " mentions an SSH server");
            }
            if (i.is("EXPOSE") && i.words().stream().anyMatch(p -> p.equals("22") || p.startsWith("22/"))) {
                violation(Rule.NO_SSH, "line " + i.line() + ": EXPOSE 22");
            }
        }
        for (Path copied : copiedFiles(file)) {
            if (SSH.matcher(read(copied)).find()) {
                violation(Rule.NO_SSH, context.relativize(copied) + " mentions an SSH server");
            }
        }
    }

    private void exposedPort(Containerfile image, WorkspaceTemplate template) {
        Set<String> exposed = new TreeSet<>();
        image.all("EXPOSE").forEach(e -> e.words().forEach(p -> exposed.add(p.replace("/tcp", ""))));
        if (!exposed.equals(Set.of(Integer.toString(template.port())))) {
            violation(Rule.EXPOSED_PORT, "EXPOSE " + exposed + " must be exactly the descriptor's port, "
                    + template.port());
        }
    }

    private void firefoxPolicies(Containerfile image) {
        Optional<Path> file = imageFile(image, POLICIES);
        if (file.isEmpty()) {
            violation(Rule.FIREFOX_POLICIES, "no COPY puts a file at " + POLICIES);
            return;
        }
        DocumentContext json;
        try {
            json = JsonPath.parse(read(file.get()));
        } catch (RuntimeException e) {
            violation(Rule.FIREFOX_POLICIES, context.relativize(file.get()) + " is not JSON: " + e.getMessage());
            return;
        }
        new TreeSet<>(REQUIRED_POLICIES.keySet()).forEach(path -> {
            Object value = value(json, path);
            if (!Objects.equals(value, REQUIRED_POLICIES.get(path))) {
                violation(Rule.FIREFOX_POLICIES, context.relativize(file.get()) + ": " + path + " must be "
                        + REQUIRED_POLICIES.get(path) + ", is " + value);
            }
        });
        Object homepage = value(json, "$.policies.Homepage.URL");
        if (!(homepage instanceof String url) || !LOCAL_HOMEPAGE.matcher(url).matches()) {
            violation(Rule.FIREFOX_POLICIES, context.relativize(file.get()) + ": $.policies.Homepage.URL must be the"
                    + " local JupyterLab (http://127.0.0.1:<port>/...), is " + homepage);
        }
    }

    /**
     * The only way out of a workspace must be in it: the export tool, reading the token from its mounted file and
     * never from the command line (command lines are visible to every process of the pod), and its launcher.
     */
    private void exportTool(Containerfile image) {
        Optional<Path> tool = imageFile(image, EXPORT_TOOL);
        if (tool.isEmpty()) {
            violation(Rule.EXPORT_TOOL, "no COPY puts the export tool at " + EXPORT_TOOL);
        } else {
            String text = read(tool.get());
            if (!text.startsWith("#!/usr/bin/env python3")) {
                violation(Rule.EXPORT_TOOL, context.relativize(tool.get()) + " must be a python3 script (the images"
                        + " carry no curl)");
            }
            if (!text.contains(EGRESS_TOKEN_FILE) || !text.contains("ENCLAVE_EGRESS_URL")) {
                violation(Rule.EXPORT_TOOL, context.relativize(tool.get()) + " must read the token from "
                        + EGRESS_TOKEN_FILE + " and the address from ENCLAVE_EGRESS_URL");
            }
            if (TOKEN_OPTION.matcher(text).find()) {
                violation(Rule.EXPORT_TOOL, context.relativize(tool.get()) + " takes the token on its command line");
            }
        }
        Optional<Path> launcher = imageFile(image, EXPORT_LAUNCHER);
        if (launcher.isEmpty() || !LAUNCHER_EXEC.matcher(read(launcher.get())).find()) {
            violation(Rule.EXPORT_TOOL, "no launcher at " + EXPORT_LAUNCHER + " whose Exec runs enclave-export");
        }
    }

    private static Object value(DocumentContext json, String path) {
        try {
            return json.read(path);
        } catch (PathNotFoundException e) {
            return null;
        }
    }

    private void desktopPasswordFromSecret(Containerfile image) {
        for (Instruction i : image.instructions()) {
            if ((i.is("RUN") || i.is("ENV") || i.is("ARG") || i.is("CMD")) && VNC_PASSWORD_IN_IMAGE.matcher(
                    i.arguments()).find()) {
                violation(Rule.DESKTOP_PASSWORD_FROM_SECRET, "line " + i.line() + ": " + i.keyword() + " sets up a"
                        + " VNC password in the image; it must come from " + SECRET_FILE + " at start");
            }
        }
        for (Path copied : copiedFiles(image)) {
            String name = copied.getFileName().toString();
            if (name.equals("passwd") || copied.toString().contains("/.vnc/")) {
                violation(Rule.DESKTOP_PASSWORD_FROM_SECRET, context.relativize(copied) + " would put a VNC password"
                        + " into the image");
            }
        }
        List<Instruction> entrypoints = image.all("ENTRYPOINT");
        if (entrypoints.isEmpty()) {
            violation(Rule.DESKTOP_PASSWORD_FROM_SECRET, "no ENTRYPOINT: the desktop's start script must read "
                    + SECRET_FILE);
            return;
        }
        var exec = Pattern.compile("\\[\\s*\"([^\"]+)\"").matcher(entrypoints.get(entrypoints.size() - 1).arguments());
        Optional<Path> script = exec.lookingAt() ? imageFile(image, exec.group(1)) : Optional.empty();
        if (script.isEmpty()) {
            violation(Rule.DESKTOP_PASSWORD_FROM_SECRET, "the ENTRYPOINT must be an exec-form script copied from the"
                    + " build context, so that these rules can read it");
            return;
        }
        String text = read(script.get());
        if (!text.contains(SECRET_FILE)) {
            violation(Rule.DESKTOP_PASSWORD_FROM_SECRET, context.relativize(script.get()) + " does not read the"
                    + " desktop password from " + SECRET_FILE);
        }
        if (Pattern.compile("(?i)securitytypes\\s*=?\\s*none").matcher(text).find()) {
            violation(Rule.DESKTOP_PASSWORD_FROM_SECRET, context.relativize(script.get()) + " starts VNC without"
                    + " authentication");
        }
    }

    /** The build-context file that ends up at {@code imagePath}, by the last COPY that puts one there. */
    private Optional<Path> imageFile(Containerfile image, String imagePath) {
        List<Instruction> copies = image.all("COPY");
        for (int i = copies.size() - 1; i >= 0; i--) {
            List<String> words = copies.get(i).words();
            String dest = words.get(words.size() - 1);
            for (String source : words.subList(0, words.size() - 1)) {
                Path src = inContext(source);
                Optional<Path> found = Files.isDirectory(src) ? under(src, dest, imagePath)
                        : single(src, dest, imagePath);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> under(Path sourceDir, String dest, String imagePath) {
        String dir = dest.endsWith("/") ? dest : dest + "/";
        if (!imagePath.startsWith(dir)) {
            return Optional.empty();
        }
        Path candidate = sourceDir.resolve(imagePath.substring(dir.length())).normalize();
        return candidate.startsWith(sourceDir) && Files.isRegularFile(candidate) ? Optional.of(candidate)
                : Optional.empty();
    }

    private static Optional<Path> single(Path source, String dest, String imagePath) {
        String target = dest.endsWith("/") ? dest + source.getFileName() : dest;
        return target.equals(imagePath) && Files.isRegularFile(source) ? Optional.of(source) : Optional.empty();
    }

    /** Every build-context file the Containerfile copies into the image. */
    private List<Path> copiedFiles(Containerfile file) {
        List<Path> files = new ArrayList<>();
        for (Instruction copy : file.all("COPY")) {
            List<String> words = copy.words();
            for (String source : words.subList(0, words.size() - 1)) {
                Path src = inContext(source);
                if (Files.isDirectory(src)) {
                    try (Stream<Path> walk = Files.walk(src)) {
                        walk.filter(Files::isRegularFile).forEach(files::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else if (Files.isRegularFile(src)) {
                    files.add(src);
                }
            }
        }
        return files;
    }

    private Path inContext(String source) {
        Path path = context.resolve(source).normalize();
        return path.startsWith(context) ? path : context.resolve("(outside the build context)");
    }

    private void violation(Rule rule, String detail) {
        violations.add(new Violation(rule, detail));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
