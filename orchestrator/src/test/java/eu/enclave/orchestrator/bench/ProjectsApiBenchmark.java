package eu.enclave.orchestrator.bench;

import com.nimbusds.jwt.JWTClaimsSet;
import eu.enclave.orchestrator.OrchestratorApplication;
import eu.enclave.platform.testing.BenchReport;
import eu.enclave.platform.testing.BenchReport.Samples;
import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import eu.enclave.platform.testing.TokenSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code GET /api/v1/projects} under loopback load. The orchestrator runs in-process as in production (profile
 * {@code prod}: bearer JWT only, a real PostgreSQL given by URL), on a random loopback port, against a fresh
 * database on the embedded test server. Tokens are RS256 JWTs signed with a key made for the run, whose public
 * half the service is configured with, as it would be with an identity provider's key. 50 projects are created
 * through the API; an admin (sees all 50) and then a researcher (member of 10) list them from N client
 * threads with keep-alive connections for a bounded time. Goal: at least 1,500 requests/s with p99 at most 50 ms.
 *
 * <p>Run: {@code mvn -B -q -pl orchestrator -am test-compile exec:java@bench-projects}
 * (options: {@code -Dbench.seconds=20 -Dbench.warmup=5 -Dbench.clients=8 -Dbench.projects=50}).
 */
public final class ProjectsApiBenchmark {

    private static final double GOAL_RATE = 1_500;
    private static final double GOAL_P99_MS = 50;

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int clients = Integer.getInteger("bench.clients", 8);
        int projectCount = Integer.getInteger("bench.projects", 50);
        System.out.println("== GET /api/v1/projects over loopback\n" + BenchReport.machine()
                + "\nload        " + BenchReport.loadAverage());

        TokenSigner keys = new TokenSigner();
        Path publicKey = keys.writePublicKeyPem(Files.createTempFile("bench-jwt", ".pem"));

        try (TestDatabase db = TestDatabases.create()) {
            // command-line arguments, so that they win over application.yml (server.port there defaults to 8080)
            Map<String, String> settings = new TreeMap<>(db.springProperties());
            settings.put("server.port", "0");
            settings.put("server.address", "127.0.0.1");
            settings.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + publicKey);
            // profile prod refuses to start without a real cluster; this benchmark does not use one
            settings.put("enclave.cluster.simulated", "true");
            settings.put("enclave.vault.demo", "true"); // prod refuses the demo secret store; no secret is used here
            settings.put("spring.main.banner-mode", "off");
            settings.put("spring.thymeleaf.check-template-location", "false");
            settings.put("logging.level.root", "WARN");
            SpringApplication application = new SpringApplication(OrchestratorApplication.class);
            application.setAdditionalProfiles("prod");
            long startAt = System.nanoTime();
            try (ConfigurableApplicationContext context = application.run(settings.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
                String port = context.getEnvironment().getProperty("local.server.port");
                if ("8080".equals(port) || "8081".equals(port)) {
                    throw new IllegalStateException("the benchmark must not use the service ports; got " + port);
                }
                String base = "http://127.0.0.1:" + port;
                System.out.printf(Locale.ROOT, "service     orchestrator, profile prod, started in %.1f s at %s%n",
                        (System.nanoTime() - startAt) / 1e9, base);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                String admin = token(keys, "bench-admin", List.of("enclave-admin"));
                String researcher = token(keys, "bench-researcher", List.of());
                seed(http, base, admin, researcher, projectCount);

                System.out.printf("%nclients: %d, warm-up %d s, measured %d s each%n", clients, warmup, seconds);
                System.out.printf("%-28s %9s %10s %7s  %s%n", "caller", "requests", "req/s", "errors", "latency");
                Result adminResult = drive(http, base, admin, clients, warmup, seconds, "admin (sees " + projectCount + ")");
                drive(http, base, researcher, clients, warmup, seconds, "researcher (member of " + Math.min(10, projectCount) + ")");
                System.out.printf(Locale.ROOT, "%ngoal >= %,.0f req/s and p99 <= %.0f ms (admin): %s%nload        %s%n",
                        GOAL_RATE, GOAL_P99_MS, adminResult.rate >= GOAL_RATE && adminResult.p99 <= GOAL_P99_MS
                                ? "MET" : "MISSED", BenchReport.loadAverage());
            }
        } finally {
            Files.deleteIfExists(publicKey);
        }
    }

    /** Projects created through the API by the admin; the researcher is a member of ten of them. */
    private static void seed(HttpClient http, String base, String admin, String researcher, int count) throws Exception {
        send(http, base + "/api/v1/projects", researcher, null, 200); // signs the researcher in, so it can be added
        LocalDate today = LocalDate.now();
        for (int i = 1; i <= count; i++) {
            String slug = String.format(Locale.ROOT, "cohort-%03d", i);
            send(http, base + "/api/v1/projects", admin, """
                    {"slug":"%s","title":"Cohort study %d","description":"Outcomes after discharge, cohort %d.",
                     "legalBasis":"MR-004","impactAssessment":"DPIA-%d","startDate":"%s","endDate":"%s"}"""
                    .formatted(slug, i, i, i, today.minusDays(1), today.plusYears(2)), 201);
            if (i <= 10) {
                send(http, base + "/api/v1/projects/" + slug + "/members", admin,
                        "{\"username\":\"bench-researcher\",\"role\":\"researcher\"}", 201);
            }
        }
    }

    private static Result drive(HttpClient http, String base, String token, int clients, int warmup, int seconds,
                                String label) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/projects"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).GET().build();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong threadNumber = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(clients,
                r -> new Thread(r, "bench-client-" + threadNumber.incrementAndGet()));
        CountDownLatch started = new CountDownLatch(clients);
        List<Future<Samples>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(threads.submit(() -> {
                Samples samples = new Samples();
                started.countDown();
                while (!stop.get()) {
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        ok = response.statusCode() == 200;
                        bytes.set(response.body().length);
                    } catch (java.io.IOException e) {
                        ok = false;
                    }
                    long elapsed = System.nanoTime() - start;
                    if (measuring.get()) {
                        samples.add(elapsed);
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                }
                return samples;
            }));
        }
        started.await();
        Thread.sleep(warmup * 1000L);
        measuring.set(true);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        Map<String, Long> threadCpuStart = threadCpuNanos();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
        Map<String, Long> threadCpu = threadCpuNanos();
        threadCpu.replaceAll((group, nanos) -> nanos - threadCpuStart.getOrDefault(group, 0L));
        stop.set(true);
        List<Samples> all = new ArrayList<>();
        for (Future<Samples> f : results) {
            all.add(f.get());
        }
        threads.shutdown();
        long[] latencies = Samples.merge(all);
        double rate = latencies.length / elapsed;
        String summary = BenchReport.latencies(latencies);
        double n = latencies.length;
        System.out.printf(Locale.ROOT, "%-28s %,9d %,10.0f %7d  %s%n%28s CPU per request: server threads %.2f ms,"
                        + " client threads %.2f ms, whole JVM %.2f ms (%,d bytes each)%n", label, latencies.length, rate,
                errors.get(), summary, "", threadCpu.getOrDefault("server", 0L) / 1e6 / n,
                threadCpu.getOrDefault("client", 0L) / 1e6 / n, cpu / 1e6 / n, bytes.get());
        return new Result(rate, BenchReport.percentileMillis(latencies, 99));
    }

    /** CPU time of the service's request threads and of the load generator's threads, so far. */
    private static Map<String, Long> threadCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new TreeMap<>();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            String group = name.startsWith("http-nio") ? "server"
                    : name.startsWith("bench-client") || name.startsWith("HttpClient") ? "client" : "other";
            long nanos = mx.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                byGroup.merge(group, nanos, Long::sum);
            }
        }
        return byGroup;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private record Result(double rate, double p99) {
    }

    private static void send(HttpClient http, String url, String token, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** What an identity provider would issue: RS256, an hour's validity, the platform roles in a claim. */
    private static String token(TokenSigner keys, String username, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://idp.bench.invalid/realms/enclave").subject("sub-" + username)
                .claim("preferred_username", username).claim("name", username).claim("email", username + "@bench.invalid")
                .claim("enclave_roles", roles).claim("acr", "mfa")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build();
        return keys.sign(claims);
    }

    private ProjectsApiBenchmark() {
    }
}
