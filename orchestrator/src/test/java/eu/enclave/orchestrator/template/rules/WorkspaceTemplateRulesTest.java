package eu.enclave.orchestrator.template.rules;

import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.COPY_SOURCES;
import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.DESCRIPTOR;
import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.DESKTOP_PASSWORD_FROM_SECRET;
import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.EXPORT_TOOL;
import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.EXPOSED_PORT;
import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.FIREFOX_POLICIES;
import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.NON_ROOT_USER;
import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.NO_PIPE_TO_SHELL;
import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.NO_SECRETS;
import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.NO_SSH;
import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.PACKAGE_MANAGER_CLOSED;
import static eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule.PINNED_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.template.rules.TemplateFolderRules.Rule;
import eu.enclave.orchestrator.template.rules.TemplateFolderRules.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every template folder of the repository's {@code workspace-templates/} against the rules, building nothing;
 * then shows that the rules catch what they are for: each fixture under {@code template-rules/bad/} changes one thing
 * in the valid {@code template-rules/good/} build context and must break exactly the rules listed here.
 */
class WorkspaceTemplateRulesTest {

    private static final Path TEMPLATES = Path.of("..", "workspace-templates");
    private static final Path FIXTURES = Path.of("src", "test", "resources", "template-rules");
    private static final Map<String, Set<Rule>> BROKEN = Map.ofEntries(
            Map.entry("root-user", Set.of(NON_ROOT_USER)),
            Map.entry("root-group", Set.of(NON_ROOT_USER)),
            Map.entry("named-user", Set.of(NON_ROOT_USER)),
            Map.entry("no-user", Set.of(NON_ROOT_USER)),
            Map.entry("secret-env-name", Set.of(NO_SECRETS)),
            Map.entry("secret-arg-value", Set.of(NO_SECRETS)),
            Map.entry("secret-env-key", Set.of(NO_SECRETS)),
            Map.entry("curl-pipe-sh", Set.of(NO_PIPE_TO_SHELL)),
            Map.entry("wget-bash-subshell", Set.of(NO_PIPE_TO_SHELL)),
            Map.entry("script-pipe-to-shell", Set.of(NO_PIPE_TO_SHELL)),
            Map.entry("apt-lists-kept", Set.of(PACKAGE_MANAGER_CLOSED)),
            Map.entry("apt-sources-kept", Set.of(PACKAGE_MANAGER_CLOSED)),
            Map.entry("install-after-lockdown", Set.of(PACKAGE_MANAGER_CLOSED)),
            Map.entry("sshd-installed", Set.of(NO_SSH)),
            Map.entry("script-sshd", Set.of(NO_SSH)),
            Map.entry("expose-ssh", Set.of(NO_SSH, EXPOSED_PORT)),
            Map.entry("port-mismatch", Set.of(EXPOSED_PORT)),
            Map.entry("vnc-password-baked", Set.of(DESKTOP_PASSWORD_FROM_SECRET)),
            Map.entry("copied-vnc-passwd", Set.of(DESKTOP_PASSWORD_FROM_SECRET)),
            Map.entry("entrypoint-no-secret", Set.of(DESKTOP_PASSWORD_FROM_SECRET)),
            Map.entry("entrypoint-no-auth", Set.of(DESKTOP_PASSWORD_FROM_SECRET)),
            Map.entry("latest-base", Set.of(PINNED_BASE)),
            Map.entry("untagged-base", Set.of(PINNED_BASE)),
            Map.entry("add-from-url", Set.of(COPY_SOURCES)),
            Map.entry("missing-source", Set.of(COPY_SOURCES)),
            Map.entry("no-policies", Set.of(FIREFOX_POLICIES)),
            Map.entry("policies-weak", Set.of(FIREFOX_POLICIES)),
            Map.entry("descriptor-invalid", Set.of(DESCRIPTOR)),
            Map.entry("export-token-option", Set.of(EXPORT_TOOL)),
            Map.entry("export-no-launcher", Set.of(EXPORT_TOOL)));

    @TempDir
    Path work;

    static Stream<Path> templateFolders() throws IOException {
        try (Stream<Path> entries = Files.list(TEMPLATES)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().equals("common"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList().stream();
        }
    }

    @Test
    void theRepositoryHoldsTheDesktopAndItsGpuVariant() throws IOException {
        assertThat(templateFolders().map(p -> p.getFileName().toString()))
                .contains("linux-desktop", "linux-desktop-gpu");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateFolders")
    void everyTemplateFolderFollowsEveryRule(Path folder) {
        assertThat(TemplateFolderRules.check(folder)).as("rules broken by %s", folder).isEmpty();
    }

    @Test
    void theValidFixtureFollowsEveryRule() throws IOException {
        assertThat(TemplateFolderRules.check(context("good").resolve("desk"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCases")
    void eachBrokenFixtureBreaksExactlyItsRules(String name) throws IOException {
        List<Violation> violations = TemplateFolderRules.check(context(name).resolve("desk"));

        Set<Rule> broken = violations.stream().map(Violation::rule).collect(Collectors.toCollection(TreeSet::new));
        assertThat(broken).as("rules broken by %s: %s", name, violations).isEqualTo(new TreeSet<>(BROKEN.get(name)));
        assertThat(violations).allSatisfy(v -> assertThat(v.detail()).isNotBlank());
    }

    @Test
    void everyBrokenFixtureHasItsExpectedRulesAndEveryRuleAFixture() throws IOException {
        Set<String> fixtures;
        try (Stream<Path> cases = Files.list(FIXTURES.resolve("bad"))) {
            fixtures = cases.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(fixtures).isEqualTo(new TreeSet<>(BROKEN.keySet()));
        assertThat(BROKEN.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Rule.values());
    }

    @Test
    void violationsSayWhereAndWhy() throws IOException {
        assertThat(TemplateFolderRules.check(context("root-user").resolve("desk")))
                .extracting(Violation::toString).containsExactly("NON_ROOT_USER: line 11: USER 0 is root");
        assertThat(TemplateFolderRules.check(context("policies-weak").resolve("desk")))
                .extracting(Violation::toString).anySatisfy(v -> assertThat(v).contains(
                        "$.policies.DisableTelemetry must be true, is null"));
    }

    static Stream<String> brokenCases() {
        return BROKEN.keySet().stream().sorted();
    }

    /** The valid context with the case's files laid over it, in a folder of its own. */
    private Path context(String name) throws IOException {
        Path target = work.resolve(name);
        copy(FIXTURES.resolve("good"), target);
        if (!name.equals("good")) {
            copy(FIXTURES.resolve("bad").resolve(name), target);
        }
        return target;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
