package eu.enclave.orchestrator.template;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.template.WorkspaceTemplate.Protocol;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateDescriptorReaderTest {

    private static final String SOURCE = "templates/linux-desktop/template.yaml";

    @Test
    void aValidDescriptorBecomesATemplate() {
        TemplateDescriptorReader.Result result = read(Descriptors.gpuDesktop("linux-desktop"));

        assertThat(result.errors()).isEmpty();
        WorkspaceTemplate t = result.template().orElseThrow();
        assertThat(t.id()).isEqualTo("linux-desktop");
        assertThat(t.displayName(Locale.FRENCH)).isEqualTo("Bureau Linux");
        assertThat(t.displayName(Locale.ENGLISH)).isEqualTo("Linux desktop");
        assertThat(t.displayName(Locale.GERMAN)).isEqualTo("Linux desktop");
        assertThat(t.protocol()).isEqualTo(Protocol.VNC);
        assertThat(t.port()).isEqualTo(5901);
        assertThat(t.gpu()).isTrue();
        assertThat(t.defaults()).isEqualTo(new WorkspaceTemplate.TemplateResources("2", "8Gi", 1));
        assertThat(t.maximum()).isEqualTo(new WorkspaceTemplate.TemplateResources("8", "32Gi", 2));
        assertThat(t.mounts()).isEqualTo(new WorkspaceTemplate.MountPoints("/home/researcher", "/share", "/outbox",
                "/data"));
    }

    @Test
    void aTemplateWithoutGpuHasNoGpuAndUnquotedCpuCounts() {
        Map<String, Object> d = Descriptors.desktop("linux-desktop");
        Descriptors.set(d, "resources.default.cpu", 2);
        Descriptors.set(d, "resources.default.memory", "1500Mi");
        Descriptors.set(d, "resources.maximum.cpu", "8000m");
        Descriptors.set(d, "protocol", "rdp");
        Descriptors.set(d, "image", "registry.example:5000/ws/desk@sha256:" + "a".repeat(64));

        WorkspaceTemplate t = read(d).template().orElseThrow();

        assertThat(t.defaults()).isEqualTo(new WorkspaceTemplate.TemplateResources("2", "1500Mi", 0));
        assertThat(t.protocol()).isEqualTo(Protocol.RDP);
    }

    static Stream<Arguments> brokenFields() {
        return Stream.of(
                broken("id", null, "id", "is required"),
                broken("id", "Linux_Desktop", "id", "is not a DNS label"),
                broken("id", "-x", "id", "is not a DNS label"),
                broken("id", "a".repeat(64), "id", "is not a DNS label"),
                broken("id", "other-desktop", "id", "must equal the name of its folder or file, 'linux-desktop'"),
                broken("displayName.fr", null, "displayName.fr", "is required"),
                broken("displayName.en", "  ", "displayName.en", "must be a non-empty text"),
                broken("displayName.en", "x".repeat(101), "displayName.en", "at most 100 characters"),
                broken("displayName.en", "two\nlines", "displayName.en", "must be one line"),
                broken("displayName", "Linux desktop", "displayName", "must be a mapping with en, fr"),
                broken("displayName.de", "Linux-Desktop", "displayName.de", "is not a known field (known: en, fr)"),
                broken("image", null, "image", "is required"),
                broken("image", "registry.example/ws/desk", "image", "must name a tag or a digest"),
                broken("image", "registry.example/ws/desk:latest", "image", "uses the tag 'latest'"),
                broken("image", "Registry Example/desk:1", "image", "is not a container image reference"),
                broken("protocol", "spice", "protocol", "'spice' is not a known protocol (vnc or rdp)"),
                broken("protocol", "VNC", "protocol", "'VNC' is not a known protocol"),
                broken("port", 0, "port", "0 is out of range (1 to 65535)"),
                broken("port", 65536, "port", "65536 is out of range (1 to 65535)"),
                broken("port", 99_999_999_999L, "port", "is out of range"),
                broken("port", "5901", "port", "must be a whole number"),
                broken("port", null, "port", "is required"),
                broken("gpu", "no", "gpu", "must be true or false"),
                broken("resources.default", null, "resources.default", "is required"),
                broken("resources.default.cpu", "two", "resources.default.cpu", "is not a Kubernetes quantity"),
                broken("resources.default.cpu", "0", "resources.default.cpu", "must be more than zero"),
                broken("resources.maximum.memory", "32GB", "resources.maximum.memory", "is not a Kubernetes quantity"),
                broken("resources.maximum.memory", "500m", "resources.maximum.memory", "is not a Kubernetes quantity"),
                broken("resources.default.cpu", "16", "resources.default.cpu", "16 is above the maximum, 8"),
                broken("resources.default.memory", "64Gi", "resources.default.memory", "64Gi is above the maximum, 32Gi"),
                broken("resources.default.gpu", 1, "resources.default.gpu", "the template has gpu: false"),
                broken("resources.maximum.gpu", 0, "resources.maximum.gpu", "the template has gpu: false"),
                broken("resources.maximum.disk", "10Gi", "resources.maximum.disk", "is not a known field"),
                broken("mounts.home", null, "mounts.home", "is required"),
                broken("mounts.share", "share", "mounts.share", "must be an absolute path"),
                broken("mounts.share", "/share/../etc", "mounts.share", "must be an absolute path"),
                broken("mounts.outbox", "/outbox/", "mounts.outbox", "must be an absolute path"),
                broken("mounts.data", "/etc/data", "mounts.data", "is under /etc, which belongs to the image"),
                broken("mounts.data", "/tmp/data", "mounts.data", "is under /tmp"),
                broken("mounts.outbox", "/share/outbox", "mounts.outbox", "overlaps mounts.share (/share)"),
                broken("mounts.data", "/share", "mounts.data", "overlaps mounts.share"),
                broken("command", "/bin/sh", "command", "is not a known field"));
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}: {3}")
    @MethodSource("brokenFields")
    void eachBrokenFieldIsNamedWithItsReason(String path, Object value, String field, String reason) {
        Map<String, Object> d = Descriptors.desktop("linux-desktop");
        Descriptors.set(d, path, value);

        TemplateDescriptorReader.Result result = read(d);

        assertThat(result.template()).isEmpty();
        assertThat(result.errors()).as("errors").hasSize(1);
        DescriptorError error = result.errors().get(0);
        assertThat(error.source()).isEqualTo(SOURCE);
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.reason()).contains(reason);
        assertThat(error.toString()).isEqualTo(SOURCE + ": " + field + ": " + error.reason());
    }

    @Test
    void aGpuTemplateMustStateItsGpus() {
        Map<String, Object> d = Descriptors.gpuDesktop("linux-desktop");
        Descriptors.set(d, "resources.maximum.gpu", null);
        Descriptors.set(d, "resources.default.gpu", 0);

        assertThat(read(d).errors()).extracting(DescriptorError::field, DescriptorError::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("resources.default.gpu",
                        "0 is out of range for a GPU template (1 to 64)"),
                org.assertj.core.groups.Tuple.tuple("resources.maximum.gpu", "is required"));
    }

    @Test
    void aGpuDefaultAboveTheMaximumIsRefused() {
        Map<String, Object> d = Descriptors.gpuDesktop("linux-desktop");
        Descriptors.set(d, "resources.default.gpu", 4);

        assertThat(read(d).errors()).extracting(DescriptorError::toString)
                .containsExactly(SOURCE + ": resources.default.gpu: 4 is above the maximum, 2");
    }

    @Test
    void everyErrorIsReportedNotOnlyTheFirst() {
        Map<String, Object> d = Descriptors.desktop("linux-desktop");
        Descriptors.set(d, "protocol", "spice");
        Descriptors.set(d, "port", 70000);
        Descriptors.set(d, "image", "desk:latest");

        assertThat(read(d).errors()).extracting(DescriptorError::field)
                .containsExactly("image", "protocol", "port");
    }

    @Test
    void textThatIsNotADescriptorIsRefusedAsAWhole() {
        assertThat(reason("")).isEqualTo("is empty");
        assertThat(reason("- a\n- b\n")).startsWith("must be a YAML mapping");
        assertThat(reason("id: [unclosed")).startsWith("is not valid YAML");
        assertThat(reason("id: a\nid: b\n")).startsWith("is not valid YAML").contains("duplicate key");
        assertThat(reason("x: " + "y".repeat(70_000))).startsWith("is larger than");
        assertThat(reason("id: !!java.io.File /etc/passwd")).startsWith("is not valid YAML");
    }

    private static String reason(String text) {
        List<DescriptorError> errors = TemplateDescriptorReader.read(SOURCE, "linux-desktop", text).errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo(DescriptorError.WHOLE_FILE);
        return errors.get(0).reason();
    }

    private static TemplateDescriptorReader.Result read(Map<String, Object> descriptor) {
        return TemplateDescriptorReader.read(SOURCE, "linux-desktop", Descriptors.yaml(descriptor));
    }

    private static Arguments broken(String path, Object value, String field, String reason) {
        return Arguments.of(path, value, field, reason);
    }
}
