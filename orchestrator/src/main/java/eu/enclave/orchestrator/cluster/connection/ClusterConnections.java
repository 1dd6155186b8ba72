package eu.enclave.orchestrator.cluster.connection;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.File;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the cluster: an explicit kubeconfig, else the standard sources that Fabric8's
 * {@link Config#autoConfigure} reads (in-cluster service account, {@code KUBECONFIG}, {@code ~/.kube/config}),
 * else, when none of them exists, a simulated cluster in this process.
 */
public final class ClusterConnections {

    private static final Logger log = LoggerFactory.getLogger(ClusterConnections.class);
    static final String SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private ClusterConnections() {
    }

    public static ClusterConnection open(ClusterConnectionSettings settings) {
        return open(settings, System::getenv, Path.of(System.getProperty("user.home")));
    }

    static ClusterConnection open(ClusterConnectionSettings settings, Function<String, String> env, Path home) {
        if (Boolean.TRUE.equals(settings.simulated())) {
            return simulate(settings.simulatedPort(), "enclave.cluster.simulated=true");
        }
        if (settings.kubeconfig() != null) {
            File file = settings.kubeconfig().toFile();
            if (!file.isFile()) {
                throw new IllegalStateException("enclave.cluster.kubeconfig names " + file + ", which is not a file");
            }
            return real(Config.fromKubeconfig(settings.context(), file), "kubeconfig " + file + context(settings));
        }
        String source = standardSource(env, home);
        if (source != null) {
            return real(Config.autoConfigure(settings.context()), source + context(settings));
        }
        if (Boolean.FALSE.equals(settings.simulated())) {
            throw new IllegalStateException("enclave.cluster.simulated=false, but no cluster is configured: set"
                    + " enclave.cluster.kubeconfig, KUBECONFIG or ~/.kube/config, or run in a pod with a service account");
        }
        return simulate(settings.simulatedPort(), "no kubeconfig, KUBECONFIG, ~/.kube/config or in-cluster service"
                + " account found");
    }

    /** The first standard configuration source that exists, or null when there is none. */
    static String standardSource(Function<String, String> env, Path home) {
        String kubeconfigs = env.apply("KUBECONFIG");
        if (kubeconfigs != null && Arrays.stream(kubeconfigs.split(File.pathSeparator))
                .anyMatch(p -> !p.isBlank() && Files.isRegularFile(Path.of(p)))) {
            return "KUBECONFIG " + kubeconfigs;
        }
        Path userConfig = home.resolve(".kube").resolve("config");
        if (Files.isRegularFile(userConfig)) {
            return "kubeconfig " + userConfig;
        }
        if (env.apply("KUBERNETES_SERVICE_HOST") != null && Files.isRegularFile(Path.of(SERVICE_ACCOUNT_TOKEN))) {
            return "in-cluster service account";
        }
        return null;
    }

    private static String context(ClusterConnectionSettings settings) {
        return settings.context() == null ? "" : ", context " + settings.context();
    }

    private static ClusterConnection real(Config config, String source) {
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        log.info("Kubernetes cluster: {} from {}", config.getMasterUrl(), source);
        return new ClusterConnection(client, false, config.getMasterUrl(), source, null);
    }

    /**
     * Fabric8's mock API server in CRUD mode, on the loopback interface only: objects are stored in memory and
     * read back, nothing runs, and everything is lost at shutdown. Expectations set on it (tests) come first.
     */
    static ClusterConnection simulate(int port, String why) {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new SimulatedDiscovery(expectations), false);
        server.init(InetAddress.getLoopbackAddress(), port);
        String url = "http://127.0.0.1:" + server.getPort(); // bound to the loopback address only
        KubernetesClient client = server.createClient();
        log.warn("Kubernetes cluster is SIMULATED ({}): an in-process API server at {} stores objects in memory;"
                + " nothing runs, no policy is enforced and everything is lost at shutdown. Inspect it with kubectl"
                + " over plain HTTP: kubectl --server={} get namespaces; kubectl --server={}"
                + " get netpol,quota,limits,sa,pvc -n <namespace>", why, url, url, url);
        return new ClusterConnection(client, true, url, "simulated: " + why, server);
    }
}
