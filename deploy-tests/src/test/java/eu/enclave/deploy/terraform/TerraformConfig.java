package eu.enclave.deploy.terraform;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import eu.enclave.deploy.Repository;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Terraform module or root (a folder of {@code .tf} files), parsed for its structure by hcl4j: blocks and
 * their attributes, expressions left unevaluated.
 */
record TerraformConfig(Path folder, Map<String, Map<String, Object>> blocks) {

    static final Path ROOT = Repository.path("terraform");

    /** Every module and example. */
    static List<TerraformConfig> all() {
        return Stream.of("modules", "examples").flatMap(kind -> folders(ROOT.resolve(kind))).map(TerraformConfig::load)
                .toList();
    }

    static TerraformConfig load(Path folder) {
        Map<String, Map<String, Object>> blocks = new LinkedHashMap<>();
        try (Stream<Path> tf = Files.list(folder)) {
            for (Path file : tf.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                Map<String, Object> parsed = parse(file);
                parsed.forEach((type, content) -> {
                    if (content instanceof Map<?, ?> named) {
                        named.forEach((name, body) ->
                                blocks.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(name.toString(), body));
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + folder + ": " + e.getMessage(), e);
        }
        return new TerraformConfig(folder, blocks);
    }

    /** hcl4j prints its evaluation steps to standard output: they are kept out of the test output. */
    private static synchronized Map<String, Object> parse(Path file) throws Exception {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new HCLParser().parse(file.toFile(), "UTF-8");
        } finally {
            System.setOut(out);
        }
    }

    String name() {
        return ROOT.relativize(folder).toString();
    }

    boolean isModule() {
        return folder.getParent().getFileName().toString().equals("modules");
    }

    /** Blocks of a type ({@code variable}, {@code output}, {@code module}, ...) by name. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> named(String type) {
        Map<String, Map<String, Object>> named = new LinkedHashMap<>();
        blocks.getOrDefault(type, Map.of()).forEach((name, body) -> named.put(name, (Map<String, Object>) body));
        return named;
    }

    /** The resources, by type and name. */
    Map<String, Map<String, Object>> resources() {
        return named("resource");
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> requiredProviders() {
        Object providers = settings().get("required_providers");
        return providers == null ? Map.of() : (Map<String, Map<String, Object>>) providers;
    }

    /** The {@code terraform} block's settings. */
    Map<String, Object> settings() {
        return blocks.getOrDefault("terraform", Map.of());
    }

    private static Stream<Path> folders(Path parent) {
        try {
            return Files.list(parent).filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
