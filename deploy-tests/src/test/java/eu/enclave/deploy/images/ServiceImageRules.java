package eu.enclave.deploy.images;

import eu.enclave.platform.testing.Containerfile;
import eu.enclave.platform.testing.Containerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of a service image (issue "Deploy it"): a multi-stage build (Maven, then a slim JRE with fonts), pinned
 * bases, a non-root numeric user, a writable /tmp volume for a read-only root, OCI labels with version and source,
 * no HEALTHCHECK (the chart's probes are the health), the jar owned by root, the exec form, the chart's ports.
 * Returns every violation, naming the line.
 */
final class ServiceImageRules {

    private static final Pattern PINNED = Pattern.compile("[^\\s:@]+(:[A-Za-z0-9_.-]*[0-9][A-Za-z0-9_.-]*)(@sha256:[a-f0-9]{64})?"
            + "|[^\\s:@]+@sha256:[a-f0-9]{64}");
    private static final Pattern NUMERIC_USER = Pattern.compile("([1-9][0-9]*)(:[1-9][0-9]*)?");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY).*");

    private ServiceImageRules() {
    }

    static List<String> violations(String service, String text, Set<Integer> chartPorts) {
        List<String> found = new ArrayList<>();
        if (text.contains("<<")) {
            found.add("heredocs are not read by these rules: write the instructions out");
            return found;
        }
        Containerfile all = Containerfile.parse(text);
        Containerfile image = all.finalStage();
        List<Instruction> froms = all.all("FROM");
        if (froms.size() < 2) {
            found.add("a multi-stage build: a Maven stage, then the runtime stage");
        }
        for (Instruction from : froms) {
            String base = from.words().get(0);
            if (!PINNED.matcher(base).matches() || base.endsWith(":latest")) {
                found.add("line " + from.line() + ": base " + base + " is not pinned to a version or digest");
            }
        }
        if (froms.size() >= 2) {
            Instruction build = froms.get(0);
            if (!build.arguments().toUpperCase(Locale.ROOT).matches(".*\\sAS\\s+\\S+.*")) {
                found.add("line " + build.line() + ": the build stage is named (FROM ... AS build)");
            }
            boolean maven = all.instructions().subList(0, all.instructions().indexOf(froms.get(froms.size() - 1)))
                    .stream().anyMatch(i -> i.is("RUN") && i.arguments().matches(".*\\bmvnw?\\b.*\\bpackage\\b.*"));
            if (!maven) {
                found.add("the build stage packages the service with Maven (mvn ... package)");
            }
            if (!froms.get(froms.size() - 1).words().get(0).contains("jre")) {
                found.add("line " + froms.get(froms.size() - 1).line() + ": the runtime stage is a JRE image");
            }
        }
        String runs = image.all("RUN").stream().map(Instruction::arguments).collect(Collectors.joining(" "));
        if (!runs.contains("fontconfig") || !runs.matches(".*\\bfonts-\\S+.*")) {
            found.add("the runtime installs fontconfig and a font package (server-side PDF rendering)");
        }
        if (runs.contains("apt-get install") && !runs.contains("rm -rf /var/lib/apt/lists")) {
            found.add("the runtime removes the package lists it fetched");
        }
        List<Instruction> users = image.all("USER");
        if (users.isEmpty() || !NUMERIC_USER.matcher(users.get(users.size() - 1).arguments()).matches()) {
            found.add("the runtime runs as a numeric non-root user (USER <uid>:<gid>, not 0), so that"
                    + " runAsNonRoot can be verified");
        }
        if (image.all("VOLUME").stream().noneMatch(v -> v.arguments().contains("/tmp"))) {
            found.add("VOLUME /tmp: the only writable place under a read-only root filesystem");
        }
        String labels = image.all("LABEL").stream().map(Instruction::arguments).collect(Collectors.joining(" "));
        for (String label : List.of("org.opencontainers.image.version", "org.opencontainers.image.source",
                "org.opencontainers.image.revision", "org.opencontainers.image.title")) {
            if (!labels.contains(label + "=")) {
                found.add("LABEL " + label + " (OCI)");
            }
        }
        if (!labels.matches(".*org\\.opencontainers\\.image\\.version=\"?\\$\\{?VERSION\\}?.*")) {
            found.add("the version label comes from the VERSION build argument");
        }
        if (!all.all("HEALTHCHECK").isEmpty()) {
            found.add("no HEALTHCHECK: health is the chart's probes");
        }
        String jar = "/opt/enclave/" + service + ".jar";
        List<Instruction> copies = image.all("COPY").stream().filter(c -> c.arguments().contains(jar)).toList();
        if (copies.size() != 1 || !copies.get(0).arguments().contains("--from=")
                || !copies.get(0).arguments().contains("--chown=0:0")) {
            found.add("the jar is copied from the build stage to " + jar + ", owned by root (--chown=0:0)");
        }
        List<Instruction> entrypoints = image.all("ENTRYPOINT");
        if (entrypoints.size() != 1 || !entrypoints.get(0).arguments().startsWith("[")
                || !entrypoints.get(0).arguments().contains(jar)) {
            found.add("ENTRYPOINT in exec form runs " + jar);
        }
        Set<Integer> exposed = image.all("EXPOSE").stream().flatMap(e -> e.words().stream())
                .map(p -> Integer.parseInt(p.replaceAll("/.*", ""))).collect(Collectors.toSet());
        if (!exposed.equals(chartPorts)) {
            found.add("EXPOSE " + exposed + " is not the chart's container ports " + chartPorts);
        }
        for (Instruction i : all.instructions()) {
            if ((i.is("ENV") || i.is("ARG")) && SECRET_NAME.matcher(i.arguments().split("[=\\s]")[0]).matches()) {
                found.add("line " + i.line() + ": no secret in a build argument or the environment of an image");
            }
        }
        return found;
    }
}
