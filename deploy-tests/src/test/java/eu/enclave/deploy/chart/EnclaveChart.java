package eu.enclave.deploy.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import eu.enclave.deploy.Repository;
import java.nio.file.Path;
import java.util.Map;

/** The chart {@code helm/enclave}, rendered and linted through the Helm library (no helm binary). */
public final class EnclaveChart {

    public static final Path CHART = Repository.path("helm/enclave");
    public static final Path PRODUCTION_VALUES = Repository.path("helm/examples/production-values.yaml");
    public static final String RELEASE = "enclave";
    public static final String NAMESPACE = "enclave-system";
    /** The oldest Kubernetes the chart supports (Chart.yaml's kubeVersion). */
    public static final String KUBE_VERSION = "1.28.0";

    private static Manifests defaults;
    private static Manifests production;

    private EnclaveChart() {
    }

    /** The manifests, as {@code helm template} prints them. */
    public static String render(String namespace, Path values, Map<String, Object> overrides) {
        TemplateCommand command = new Helm(CHART).template().withName(RELEASE).withNamespace(namespace)
                .withKubeVersion(KUBE_VERSION);
        if (values != null) {
            command = command.withValuesFile(values);
        }
        for (Map.Entry<String, Object> set : overrides.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    public static Manifests manifests(Path values, Map<String, Object> overrides) {
        return manifestsIn(NAMESPACE, values, overrides);
    }

    public static Manifests manifestsIn(String namespace, Path values, Map<String, Object> overrides) {
        return Manifests.parse(render(namespace, values, overrides));
    }

    /** The default values' render, made once per test run (a render takes about a second). */
    public static synchronized Manifests defaults() {
        if (defaults == null) {
            defaults = manifests(null, Map.of());
        }
        return defaults;
    }

    /** The production example's render, made once per test run. */
    public static synchronized Manifests production() {
        if (production == null) {
            production = manifests(PRODUCTION_VALUES, Map.of());
        }
        return production;
    }

    public static LintResult lintStrict() {
        return new Helm(CHART).lint().strict().call();
    }
}
