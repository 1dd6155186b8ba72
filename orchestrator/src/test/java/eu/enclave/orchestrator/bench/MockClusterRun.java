package eu.enclave.orchestrator.bench;

import eu.enclave.orchestrator.OrchestratorApplication;
import eu.enclave.orchestrator.cluster.status.AppliedObject;
import eu.enclave.orchestrator.cluster.status.ClusterStatusService;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.identity.Identity;
import eu.enclave.platform.identity.PlatformRole;
import eu.enclave.platform.identity.UserDirectory;
import eu.enclave.platform.testing.BenchReport;
import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import eu.enclave.platform.testing.TokenSigner;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the cluster benchmarks share: Fabric8's CRUD mock API server on loopback with a {@link CountingDispatcher},
 * and the orchestrator started in-process against it through a kubeconfig (profile {@code prod}, a fresh database
 * on the embedded PostgreSQL, changes reconciled on the services' worker threads, periodic passes left to the
 * benchmark), with an admin and helpers to make projects and wait for their namespaces.
 */
final class MockClusterRun implements AutoCloseable {

    private static final long POLL_NANOS = 1_000_000;

    private final KubernetesMockServer apiServer;
    private final CountingDispatcher dispatcher;
    private final Path kubeconfig;
    private final Path publicKey;
    private final TestDatabase db;
    private final ConfigurableApplicationContext context;
    private final ProjectService projects;
    private final ClusterStatusService statuses;
    private final JdbcClient jdbc;
    private final CurrentUser admin;
    private int sequence;

    private MockClusterRun(KubernetesMockServer apiServer, CountingDispatcher dispatcher, Path kubeconfig,
                           Path publicKey, TestDatabase db, ConfigurableApplicationContext context) {
        this.apiServer = apiServer;
        this.dispatcher = dispatcher;
        this.kubeconfig = kubeconfig;
        this.publicKey = publicKey;
        this.db = db;
        this.context = context;
        this.projects = context.getBean(ProjectService.class);
        this.statuses = context.getBean(ClusterStatusService.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.admin = user("bench-admin", Set.of(PlatformRole.ADMIN));
    }

    static MockClusterRun start() throws Exception {
        return start(CountingDispatcher::new, Map.of());
    }

    /**
     * @param dispatcherFor the API server's dispatcher, given the mock's expectations
     * @param settings      more settings of the orchestrator
     */
    static MockClusterRun start(Function<Map<ServerRequest, Queue<ServerResponse>>, CountingDispatcher> dispatcherFor,
                                Map<String, String> settings) throws Exception {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        CountingDispatcher dispatcher = dispatcherFor.apply(expectations);
        KubernetesMockServer apiServer = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                dispatcher, false);
        apiServer.init(InetAddress.getLoopbackAddress(), 0);
        Path kubeconfig = writeKubeconfig(apiServer.getPort());
        Path publicKey = new TokenSigner().writePublicKeyPem(Files.createTempFile("bench-jwt", ".pem"));
        TestDatabase db = null;
        try {
            db = TestDatabases.create();
            MockClusterRun run = new MockClusterRun(apiServer, dispatcher, kubeconfig, publicKey, db,
                    startOrchestrator(db, kubeconfig, publicKey, settings));
            System.out.printf(Locale.ROOT, "api server  Fabric8 CRUD mock at http://127.0.0.1:%d, via a kubeconfig%n",
                    apiServer.getPort());
            return run;
        } catch (Exception | Error e) {
            if (db != null) {
                db.close();
            }
            apiServer.destroy();
            Files.deleteIfExists(kubeconfig);
            Files.deleteIfExists(publicKey);
            throw e;
        }
    }

    private static ConfigurableApplicationContext startOrchestrator(TestDatabase db, Path kubeconfig, Path publicKey,
                                                                    Map<String, String> more) {
        // command-line arguments, so that they win over application.yml (server.port there defaults to 8080)
        Map<String, String> settings = new TreeMap<>(db.springProperties());
        settings.put("server.port", "0");
        settings.put("server.address", "127.0.0.1");
        settings.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + publicKey);
        settings.put("enclave.cluster.kubeconfig", kubeconfig.toString());
        // the test sources' application.properties simulates the cluster and reconciles changes on the caller's
        // thread; the benchmarks want production's behaviour for both
        settings.put("enclave.cluster.simulated", "false");
        settings.put("enclave.vault.demo", "true"); // prod refuses the demo secret store; no secret is used here
        settings.put("enclave.cluster.reconcile-changes-in-background", "true");
        // the benchmarks run the periodic passes themselves, when they want them
        settings.put("enclave.cluster.reconcile-interval", "PT24H");
        settings.put("enclave.workspaces.reconcile-interval", "PT24H");
        settings.put("enclave.workspaces.idle-check-interval", "PT24H");
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.thymeleaf.check-template-location", "false");
        settings.put("logging.level.root", "WARN");
        settings.putAll(more);
        SpringApplication application = new SpringApplication(OrchestratorApplication.class);
        application.setAdditionalProfiles("prod");
        long startAt = System.nanoTime();
        ConfigurableApplicationContext context = application.run(settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        String port = context.getEnvironment().getProperty("local.server.port");
        if ("8080".equals(port) || "8081".equals(port)) {
            context.close();
            throw new IllegalStateException("the benchmark must not use the service ports; got " + port);
        }
        System.out.printf(Locale.ROOT, "service     orchestrator, profile prod, started in %.1f s%n",
                (System.nanoTime() - startAt) / 1e9);
        return context;
    }

    /** A cluster entry with the server's address and no credentials: the mock asks for none. */
    private static Path writeKubeconfig(int port) throws Exception {
        Path file = Files.createTempFile("bench-kubeconfig", ".yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: bench
                  cluster:
                    server: http://127.0.0.1:%d
                contexts:
                - name: bench
                  context:
                    cluster: bench
                    user: bench
                current-context: bench
                users:
                - name: bench
                  user: {}
                """.formatted(port));
        return file;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    CountingDispatcher server() {
        return dispatcher;
    }

    KubernetesMockServer apiServer() {
        return apiServer;
    }

    CurrentUser admin() {
        return admin;
    }

    /** Signs a person in, as their first request would. */
    CurrentUser user(String username, Set<PlatformRole> roles) {
        return context.getBean(UserDirectory.class).record(new Identity("bench", "sub-" + username, username, username,
                username + "@bench.invalid", null, roles));
    }

    /** A draft project; {@code pi} may be null. */
    Project draft(String prefix, String pi) {
        String slug = String.format(Locale.ROOT, "%s-%04d", prefix, ++sequence);
        LocalDate today = LocalDate.now();
        return projects.create(admin, new ProjectDraft(slug, "Benchmark study " + sequence,
                "Outcomes after discharge.", "MR-004", "DPIA-" + sequence, today.minusDays(1), today.plusYears(2), pi));
    }

    /** Polls the stored status every millisecond; a FAILED project stops the benchmark. */
    void awaitReady(Project project) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            String state = jdbc.sql("SELECT state FROM cluster_status WHERE project_id = ?").param(project.id())
                    .query(String.class).optional().orElse(null);
            if ("READY".equals(state)) {
                return;
            }
            if ("FAILED".equals(state) || System.nanoTime() > deadline) {
                throw new IllegalStateException(project.slug() + " did not become READY: "
                        + statuses.status(admin, project.slug()));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Every desired object was created or found as desired: none skipped or failed. */
    void checkAllApplied(Project project) {
        ClusterStatusService.View view = statuses.status(admin, project.slug());
        List<String> actions = view.objects().stream().map(AppliedObject::action).toList();
        if (actions.isEmpty() || !Set.of("CREATED", "UPDATED", "UNCHANGED").containsAll(actions)) {
            throw new IllegalStateException(project.slug() + " is not fully applied: " + view);
        }
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static double percentile99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return BenchReport.percentileMillis(sorted, 99);
    }

    /** The mock server's event loop threads would keep a forked JVM alive. */
    static void exitIfForked(int status) {
        if (Boolean.getBoolean("bench.forked")) {
            System.exit(status);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            context.close();
            db.close();
        } finally {
            try {
                apiServer.destroy();
            } catch (IllegalStateException e) {
                // seen after many watches: the mock's watch listener waits for its event executor while the
                // server shuts down, and the shutdown times out; the figures are printed by then
                System.out.println("note: the mock API server did not stop cleanly (" + e.getMessage() + ")");
            }
            Files.deleteIfExists(kubeconfig);
            Files.deleteIfExists(publicKey);
        }
    }
}
