package eu.enclave.deploy.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.deploy.Repository;
import eu.enclave.deploy.chart.EnclaveChart;
import eu.enclave.platform.testing.GeneratedText;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Terraform modules and examples, read for their structure (hcl4j): each has a README whose inputs and outputs
 * tables are generated from it, pinned providers and Terraform version, variables with a description, a type and a
 * validation (booleans aside), described outputs (secrets marked sensitive); modules configure no provider; every
 * module call passes what the module requires and nothing it does not declare; the Vault policies are the ones
 * docs/vault/ documents; the names are the chart's.
 */
class TerraformStructureTest {

    private static final List<TerraformConfig> CONFIGS = TerraformConfig.all();
    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern SECRET_OUTPUT = Pattern.compile(".*(kubeconfig|token|jwt|certificate|key|password).*");
    private static final Set<String> META_ARGUMENTS = Set.of("source", "version", "count", "for_each", "depends_on",
            "providers");

    @Test
    void thereAreTheFourModulesAndTwoExamples() {
        assertThat(CONFIGS).extracting(TerraformConfig::name).containsExactly("modules/cluster-ovhcloud",
                "modules/cluster-scaleway", "modules/enclave-release", "modules/vault-enclave", "examples/ovhcloud",
                "examples/scaleway");
    }

    @TestFactory
    Stream<DynamicTest> eachHasAReadmeWithItsInputsAndOutputs() {
        return each(config -> GeneratedText.assertBlock("terraform/" + config.name() + "/README.md",
                "<!-- inputs and outputs: begin -->", "<!-- inputs and outputs: end -->", TerraformDocs.tables(config),
                TerraformStructureTest.class, "deploy-tests"));
    }

    @TestFactory
    Stream<DynamicTest> providersAndTerraformArePinned() {
        return each(config -> {
            assertThat(config.settings()).as(config.name() + ": terraform.required_version")
                    .containsKey("required_version");
            Map<String, Map<String, Object>> providers = config.requiredProviders();
            assertThat(providers).as(config.name() + ": required_providers").isNotEmpty();
            providers.forEach((name, provider) -> {
                assertThat(provider.get("source")).as(config.name() + ": " + name + " source").isNotNull();
                assertThat(String.valueOf(provider.get("version"))).as(config.name() + ": " + name + " version")
                        .matches(EXACT_VERSION);
            });
            // every resource's provider is declared
            for (String type : config.resources().keySet()) {
                assertThat(providers).as(config.name() + ": the provider of " + type)
                        .containsKey(type.substring(0, type.indexOf('_')));
            }
        });
    }

    @Test
    void aProviderHasOneVersionEverywhere() {
        Map<String, Set<String>> versions = new HashMap<>();
        CONFIGS.forEach(config -> config.requiredProviders().forEach((name, provider) ->
                versions.computeIfAbsent(name, n -> new java.util.TreeSet<>()).add(String.valueOf(provider.get("version")))));
        assertThat(versions).allSatisfy((name, pinned) -> assertThat(pinned).as(name).hasSize(1));
    }

    @TestFactory
    Stream<DynamicTest> variablesAreDescribedTypedAndValidated() {
        return each(config -> {
            List<String> problems = new ArrayList<>();
            config.named("variable").forEach((name, variable) -> {
                if (blank(variable.get("description"))) {
                    problems.add(name + ": no description");
                }
                String type = TerraformDocs.type(variable);
                if (type.isEmpty()) {
                    problems.add(name + ": no type");
                }
                if (!type.equals("boolean") && !type.equals("any") && !variable.containsKey("validation")) {
                    problems.add(name + ": no validation");
                }
            });
            assertThat(problems).as(config.name()).isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> outputsAreDescribedAndSecretsSensitive() {
        return each(config -> config.named("output").forEach((name, output) -> {
            assertThat(blank(output.get("description"))).as(config.name() + ": output " + name + " description")
                    .isFalse();
            if (SECRET_OUTPUT.matcher(name).matches() && !name.endsWith("_command")) {
                assertThat(output.get("sensitive")).as(config.name() + ": output " + name + " is sensitive")
                        .isEqualTo(Boolean.TRUE);
            }
        }));
    }

    @Test
    void modulesConfigureNoProviderAndExamplesKeepStateRemote() {
        for (TerraformConfig config : CONFIGS) {
            if (config.isModule()) {
                assertThat(config.blocks()).as(config.name()).doesNotContainKey("provider");
            } else {
                assertThat(config.settings()).as(config.name() + ": a remote backend (the state holds secrets)")
                        .containsKey("backend");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> moduleCallsPassWhatTheModuleTakes() {
        return each(config -> config.named("module").forEach((name, call) -> {
            Path source = config.folder().resolve(String.valueOf(call.get("source"))).normalize();
            assertThat(source).as(config.name() + ": module " + name + " source").isDirectory();
            Map<String, Map<String, Object>> variables = TerraformConfig.load(source).named("variable");
            Set<String> passed = call.keySet().stream().filter(k -> !META_ARGUMENTS.contains(k))
                    .collect(Collectors.toSet());
            assertThat(variables.keySet()).as(config.name() + ": module " + name + " declares what is passed")
                    .containsAll(passed);
            Set<String> required = variables.entrySet().stream().filter(v -> !v.getValue().containsKey("default"))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(passed).as(config.name() + ": module " + name + " gets its required inputs")
                    .containsAll(required);
        }));
    }

    @Test
    void theVaultPoliciesAreTheDocumentedOnes() throws IOException {
        Map<String, String> defaults = Map.of("kv_mount", "secret", "path_prefix", "enclave", "database_mount", "database");
        for (String policy : List.of("enclave-orchestrator")) {
            String template = Files.readString(TerraformConfig.ROOT.resolve("modules/vault-enclave/policies/" + policy
                    + ".hcl.tftpl"));
            for (Map.Entry<String, String> value : defaults.entrySet()) {
                template = template.replace("${" + value.getKey() + "}", value.getValue());
            }
            assertThat(template).doesNotContain("${");
            String documented = Files.readString(Repository.path("docs/vault/" + policy + ".hcl"));
            assertThat(withoutComments(template)).as(policy).isEqualTo(withoutComments(documented));
        }
    }

    @Test
    void theVaultRolesBindTheChartsServiceAccounts() {
        TerraformConfig vault = TerraformConfig.load(TerraformConfig.ROOT.resolve("modules/vault-enclave"));
        assertThat(vault.blocks().get("locals")).containsEntry("orchestrator", "enclave-orchestrator");
        assertThat(vault.named("variable").get("namespace")).containsEntry("default", EnclaveChart.NAMESPACE);
        assertThat(EnclaveChart.defaults().all(ServiceAccount.class)).extracting(sa -> sa.getMetadata().getName())
                .contains("enclave-orchestrator", "enclave-egress-review");
        TerraformConfig release = TerraformConfig.load(TerraformConfig.ROOT.resolve("modules/enclave-release"));
        assertThat(release.named("variable").get("namespace")).containsEntry("default", EnclaveChart.NAMESPACE);
        assertThat(Repository.path("terraform/modules/enclave-release/../../../helm/enclave/Chart.yaml").normalize())
                .isEqualTo(EnclaveChart.CHART.resolve("Chart.yaml"));
    }

    private static String withoutComments(String text) {
        return text.lines().filter(l -> !l.strip().startsWith("#")).filter(l -> !l.isBlank())
                .collect(Collectors.joining("\n"));
    }

    private static boolean blank(Object text) {
        return text == null || text.toString().isBlank();
    }

    private interface Check {
        void accept(TerraformConfig config) throws Exception;
    }

    private static Stream<DynamicTest> each(Check check) {
        return CONFIGS.stream().map(config -> DynamicTest.dynamicTest(config.name(), () -> check.accept(config)));
    }
}
