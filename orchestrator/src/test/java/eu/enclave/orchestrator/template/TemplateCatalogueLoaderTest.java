package eu.enclave.orchestrator.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TemplateCatalogueLoaderTest {

    @TempDir
    Path folder;

    @Test
    void aFolderOfTemplateFoldersIsLoadedInIdOrder() throws IOException {
        write("linux-desktop/template.yaml", Descriptors.desktop("linux-desktop"));
        write("gpu-desktop/template.yaml", Descriptors.gpuDesktop("gpu-desktop"));
        write("notes/README.md", "not a descriptor");
        Files.createDirectories(folder.resolve("empty"));

        TemplateCatalogue catalogue = TemplateCatalogueLoader.fromFolder(folder);

        assertThat(catalogue.ids()).containsExactly("gpu-desktop", "linux-desktop");
        assertThat(catalogue.find("gpu-desktop").orElseThrow().gpu()).isTrue();
        assertThat(catalogue.find("nope")).isEmpty();
        assertThat(catalogue.find(null)).isEmpty();
        assertThat(catalogue.all()).extracting(WorkspaceTemplate::id).containsExactly("gpu-desktop", "linux-desktop");
    }

    @Test
    void aMountedConfigMapIsLoadedFromItsFilesNotItsHiddenFolders() throws IOException {
        // the layout the kubelet makes: real files in a hidden, timestamped folder, reached through links
        write("..2026_11_23_10_00_00.123/linux-desktop.yaml", Descriptors.desktop("linux-desktop"));
        Files.createSymbolicLink(folder.resolve("..data"), folder.resolve("..2026_11_23_10_00_00.123"));
        Files.createSymbolicLink(folder.resolve("linux-desktop.yaml"), Path.of("..data/linux-desktop.yaml"));
        write(".previous/template.yaml", "hidden, so never read: not even valid YAML [");

        assertThat(TemplateCatalogueLoader.fromFolder(folder).ids()).containsExactly("linux-desktop");
    }

    @Test
    void everyErrorOfEveryDescriptorIsListedWithItsFileAndField() throws IOException {
        write("a-desktop/template.yaml", Descriptors.set(Descriptors.desktop("a-desktop"), "protocol", "spice"));
        write("b-desktop/template.yaml", Descriptors.set(Descriptors.desktop("b-desktop"), "port", 0));
        write("c-desktop/template.yaml", Descriptors.desktop("c-desktop"));

        assertThatThrownBy(() -> TemplateCatalogueLoader.fromFolder(folder))
                .isInstanceOfSatisfying(InvalidTemplateCatalogue.class, e -> {
                    assertThat(e.errors()).extracting(DescriptorError::toString).containsExactly(
                            folder.resolve("a-desktop/template.yaml")
                                    + ": protocol: 'spice' is not a known protocol (vnc or rdp)",
                            folder.resolve("b-desktop/template.yaml") + ": port: 0 is out of range (1 to 65535)");
                    assertThat(e.getMessage()).startsWith("The workspace template catalogue at " + folder
                            + " is invalid (2 errors):\n  - ").contains("spice").contains("port: 0");
                });
    }

    @Test
    void twoDescriptorsWithOneIdAreRefused() throws IOException {
        write("linux-desktop/template.yaml", Descriptors.desktop("linux-desktop"));
        write("linux-desktop.yaml", Descriptors.desktop("linux-desktop"));

        assertThatThrownBy(() -> TemplateCatalogueLoader.fromFolder(folder))
                .isInstanceOfSatisfying(InvalidTemplateCatalogue.class, e -> assertThat(e.errors())
                        .extracting(DescriptorError::toString).containsExactly(folder.resolve("linux-desktop.yaml")
                                + ": id: 'linux-desktop' is already the id of "
                                + folder.resolve("linux-desktop/template.yaml")));
        assertThatThrownBy(() -> new TemplateCatalogue(List.of(template("x"), template("x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdThatIsNotItsFolderNameIsRefused() throws IOException {
        write("desktop/template.yaml", Descriptors.desktop("linux-desktop"));

        assertThatThrownBy(() -> TemplateCatalogueLoader.fromFolder(folder))
                .hasMessageContaining("id: 'linux-desktop' must equal the name of its folder or file, 'desktop'");
    }

    @Test
    void anEmptyFolderAMissingFolderAndAFileThatIsNotUtf8AreRefused() throws IOException {
        assertThatThrownBy(() -> TemplateCatalogueLoader.fromFolder(folder)).hasMessageContaining("holds no template");
        assertThatThrownBy(() -> TemplateCatalogueLoader.fromFolder(folder.resolve("missing")))
                .hasMessageContaining("is not a folder (enclave.templates.location)");
        Files.createDirectories(folder.resolve("latin"));
        Files.write(folder.resolve("latin/template.yaml"), new byte[] {'i', 'd', ':', ' ', (byte) 0xE9});
        assertThatThrownBy(() -> TemplateCatalogueLoader.fromFolder(folder))
                .hasMessageContaining("latin/template.yaml: (file): is not UTF-8 text");
    }

    @Test
    void theRepositoryTemplatesArePackagedAndLoadedByDefault() {
        TemplateCatalogue catalogue = TemplateCatalogueLoader.packaged();

        assertThat(catalogue.ids()).containsExactly("linux-desktop", "linux-desktop-gpu");
        assertThat(catalogue.find("linux-desktop-gpu").orElseThrow().maximum().gpu()).isPositive();
        assertThat(catalogue.find("linux-desktop").orElseThrow().gpu()).isFalse();
    }

    @Test
    void theStartupFailsOnAnInvalidLocationAndSaysWhatToFix() throws IOException {
        write("linux-desktop/template.yaml", Descriptors.set(Descriptors.desktop("linux-desktop"), "port", 70000));
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(TemplateCatalogueConfiguration.class);

        runner.withPropertyValues("enclave.templates.location=" + folder).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            InvalidTemplateCatalogue cause = findCause(failure);
            FailureAnalysis analysis = new InvalidTemplateCatalogueFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).isEqualTo(cause.getMessage()).contains("port: 70000 is out of range");
            assertThat(analysis.getAction()).contains("workspace-templates/README.md");
        });
        runner.run(context -> assertThat(context.getBean(TemplateCatalogue.class).ids()).contains("linux-desktop"));
    }

    private static InvalidTemplateCatalogue findCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidTemplateCatalogue invalid) {
                return invalid;
            }
        }
        throw new AssertionError("no InvalidTemplateCatalogue in " + failure);
    }

    private static WorkspaceTemplate template(String id) {
        return TemplateDescriptorReader.read("test", id, Descriptors.yaml(Descriptors.desktop(id))).template()
                .orElseThrow();
    }

    private void write(String path, Map<String, Object> descriptor) throws IOException {
        write(path, Descriptors.yaml(descriptor));
    }

    private void write(String path, String text) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
