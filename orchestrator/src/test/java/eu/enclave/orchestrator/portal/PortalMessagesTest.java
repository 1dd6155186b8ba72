package eu.enclave.orchestrator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.membership.ProjectRole;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.project.ProjectTransitions;
import eu.enclave.platform.audit.AuditVerification;
import eu.enclave.platform.identity.PlatformRole;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the portal exists in English and in French, and every key a template names exists. */
class PortalMessagesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)[}(]");

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        assertThat(load("messages_fr.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void frenchIsReadAsUtf8AndTranslated() throws IOException {
        Properties french = load("messages_fr.properties");
        assertThat(french.getProperty("layout.demo")).isEqualTo("MODE DÉMO — pas pour des données réelles");
        assertThat(french.getProperty("projects.title")).isEqualTo("Mes projets");
    }

    @Test
    void everyKeyNamedInATemplateExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyValueShownByNameHasAText() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Arrays.stream(ProjectStatus.values()).forEach(s -> assertThat(keys).contains("status." + s));
        Arrays.stream(ProjectRole.values()).forEach(r -> assertThat(keys).contains("role." + r));
        Arrays.stream(PlatformRole.values()).forEach(r -> assertThat(keys).contains("platformRole." + r));
        Arrays.stream(AuditVerification.Kind.values()).forEach(k -> assertThat(keys).contains("audit.kind." + k));
        ProjectTransitions.TABLE.forEach(t -> assertThat(keys).contains("transition." + t.auditAction()));
        Stream.of("active", "upcoming", "ended").forEach(s -> assertThat(keys).contains("members.state." + s));
        Stream.of(400, 403, 404, 409, 500).forEach(s -> assertThat(keys).contains("error." + s + ".title",
                "error." + s + ".text"));
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("i18n").resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
