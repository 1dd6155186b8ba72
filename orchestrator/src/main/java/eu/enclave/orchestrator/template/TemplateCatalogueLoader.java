package eu.enclave.orchestrator.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the template descriptors and reads them into a {@link TemplateCatalogue}, or fails naming every error.
 * Two places: a folder (the {@code enclave.templates.location} setting) holding {@code <id>/template.yaml} folders
 * like the repository's {@code workspace-templates/}, or {@code <id>.yaml} files like a mounted ConfigMap; or, by
 * default, the descriptors packaged in the orchestrator's jar.
 */
public final class TemplateCatalogueLoader {

    static final String DESCRIPTOR = "template.yaml";
    static final String PACKAGED = "classpath*:workspace-templates/*/" + DESCRIPTOR;

    private TemplateCatalogueLoader() {
    }

    /**
     * One descriptor's text, where it was found, and the id its folder or file name promises.
     *
     * @param unreadable why the text could not be read (then {@code text} is null), or null
     */
    record Source(String name, String expectedId, String text, String unreadable) {

        Source(String name, String expectedId, String text) {
            this(name, expectedId, text, null);
        }
    }

    /** @throws InvalidTemplateCatalogue listing every error of every descriptor */
    public static TemplateCatalogue fromFolder(Path folder) {
        String location = folder.toString();
        if (!Files.isDirectory(folder)) {
            throw new InvalidTemplateCatalogue(location, List.of(new DescriptorError(location,
                    DescriptorError.WHOLE_FILE, "is not a folder (enclave.templates.location)")));
        }
        return build(location, folderSources(folder));
    }

    public static TemplateCatalogue packaged() {
        return build("the orchestrator's packaged templates (" + PACKAGED + ")", packagedSources());
    }

    static TemplateCatalogue build(String location, List<Source> sources) {
        List<DescriptorError> errors = new ArrayList<>();
        List<WorkspaceTemplate> templates = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        if (sources.isEmpty()) {
            errors.add(new DescriptorError(location, DescriptorError.WHOLE_FILE, "holds no template descriptor (<id>/"
                    + DESCRIPTOR + " or <id>.yaml)"));
        }
        for (Source source : sources) {
            if (source.unreadable() != null) {
                errors.add(new DescriptorError(source.name(), DescriptorError.WHOLE_FILE, source.unreadable()));
                continue;
            }
            TemplateDescriptorReader.Result result = TemplateDescriptorReader.read(source.name(), source.expectedId(),
                    source.text());
            errors.addAll(result.errors());
            result.template().ifPresent(t -> {
                String first = seen.putIfAbsent(t.id(), source.name());
                if (first != null) {
                    errors.add(new DescriptorError(source.name(), "id", "'" + t.id() + "' is already the id of "
                            + first));
                } else {
                    templates.add(t);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidTemplateCatalogue(location, errors);
        }
        return new TemplateCatalogue(templates);
    }

    /** Hidden entries are skipped: a mounted ConfigMap keeps its real files in {@code ..data} folders. */
    private static List<Source> folderSources(Path folder) {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    Path descriptor = entry.resolve(DESCRIPTOR);
                    if (Files.isRegularFile(descriptor)) {
                        sources.add(read(descriptor, name));
                    }
                } else if (name.endsWith(".yaml") && Files.isRegularFile(entry)) {
                    sources.add(read(entry, name.substring(0, name.length() - ".yaml".length())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the template folder " + folder, e);
        }
        return sources;
    }

    private static List<Source> packagedSources() {
        try {
            List<Source> sources = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PACKAGED)) {
                String url = resource.getURL().toString();
                String[] parts = url.split("/");
                String folder = parts[parts.length - 2];
                sources.add(new Source("classpath:workspace-templates/" + folder + "/" + DESCRIPTOR, folder,
                        resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged template descriptors", e);
        }
    }

    private static Source read(Path file, String expectedId) {
        try {
            return new Source(file.toString(), expectedId, Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            return new Source(file.toString(), expectedId, null, "is not UTF-8 text");
        } catch (IOException e) {
            return new Source(file.toString(), expectedId, null, "cannot be read (" + e.getMessage() + ")");
        }
    }
}
