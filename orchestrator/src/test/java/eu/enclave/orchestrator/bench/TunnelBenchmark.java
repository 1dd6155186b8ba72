package eu.enclave.orchestrator.bench;

import eu.enclave.orchestrator.OrchestratorApplication;
import eu.enclave.platform.testing.BenchReport;
import eu.enclave.orchestrator.gateway.DesktopProtocol;
import eu.enclave.orchestrator.gateway.GatewayTestSupport;
import eu.enclave.orchestrator.gateway.GuacdTestPeer;
import eu.enclave.orchestrator.gateway.TestDesktopWorkspaces;
import eu.enclave.orchestrator.gateway.TunnelClient;
import eu.enclave.orchestrator.membership.MembershipService;
import eu.enclave.orchestrator.membership.NewMember;
import eu.enclave.orchestrator.membership.ProjectRole;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.identity.UserDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.guacamole.net.InetGuacamoleSocket;
import org.apache.guacamole.protocol.ConfiguredGuacamoleSocket;
import org.apache.guacamole.protocol.GuacamoleConfiguration;
import org.apache.guacamole.protocol.GuacamoleInstruction;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * bench-tunnel (docs/benchmarks.md): the relay's added latency per message against a direct guacd connection,
 * both to the guacd test peer on loopback (the peer answers each instruction with a {@code sync}), and the heap held
 * by 500 idle open tunnels. Run: {@code mvn -B -o -pl orchestrator -am test-compile exec:exec@bench-tunnel}.
 * The heap figure is an upper bound: the WebSocket clients and the peer live in the same JVM as the orchestrator.
 */
public final class TunnelBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    private static final int IDLE = Integer.getInteger("bench.idle", 500);
    private static final String MOUSE = "5.mouse,2.10,2.10,1.0;";

    public static void main(String[] args) throws Exception {
        try (GuacdTestPeer peer = new GuacdTestPeer()) {
            SpringApplication application = new SpringApplication(OrchestratorApplication.class,
                    GatewayTestSupport.class);
            try (ConfigurableApplicationContext context = application.run("--server.port=0",
                    "--server.address=127.0.0.1", "--enclave.guacd.host=" + peer.host(),
                    "--enclave.guacd.port=" + peer.port(), "--enclave.cluster.simulated=true",
                    "--enclave.vault.demo=true", "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
                int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
                if (port == 8080 || port == 8081) {
                    throw new IllegalStateException("the benchmark must not use the service ports");
                }
                Project project = seed(context);
                String cookie = TunnelClient.signIn(port, "researcher", "demo");
                String query = TunnelClient.query(project.slug(), "desk");

                peer.echo(true);
                long[] direct = direct(peer);
                long[] relayed = relayed(port, cookie, query);
                double addedP99 = (percentile(relayed, 99) - percentile(direct, 99)) / 1e6;
                System.out.printf(Locale.ROOT, "%nmessages    %d (after %d warm-up), loopback, guacd test peer%n",
                        ROUNDS, WARMUP);
                System.out.printf(Locale.ROOT, "direct      p50 %.3f ms  p99 %.3f ms%n", percentile(direct, 50) / 1e6,
                        percentile(direct, 99) / 1e6);
                System.out.printf(Locale.ROOT, "relayed     p50 %.3f ms  p99 %.3f ms%n", percentile(relayed, 50) / 1e6,
                        percentile(relayed, 99) / 1e6);
                System.out.printf(Locale.ROOT, "added p99   %.3f ms (goal <= 2 ms): %s%n", addedP99,
                        addedP99 <= 2 ? "MET" : "MISSED");

                peer.echo(false);
                double before = HeapSampler.usedAfterGcMib();
                List<TunnelClient> idle = new ArrayList<>();
                for (int i = 0; i < IDLE; i++) {
                    TunnelClient client = TunnelClient.open(port, cookie, query).get(30, TimeUnit.SECONDS);
                    client.next(10);
                    idle.add(client);
                }
                Thread.sleep(3000);
                idle.forEach(c -> c.messages.clear());
                double after = HeapSampler.usedAfterGcMib();
                System.out.printf(Locale.ROOT, "idle        %d tunnels open: heap after GC %.1f MiB -> %.1f MiB,"
                        + " %.1f MiB for all (goal <= 128 MiB): %s%n", idle.size(), before, after, after - before,
                        after - before <= 128 ? "MET" : "MISSED");
                System.out.printf("load        %s%n", BenchReport.loadAverage());
                for (TunnelClient client : idle) {
                    client.session.close();
                }
            }
        }
        System.exit(0);
    }

    private static Project seed(ConfigurableApplicationContext context) {
        UserDirectory users = context.getBean(UserDirectory.class);
        ProjectService projects = context.getBean(ProjectService.class);
        CurrentUser admin = users.findByUsername("admin").orElseThrow();
        CurrentUser researcher = users.findByUsername("researcher").orElseThrow();
        Project project = projects.create(admin, new ProjectDraft("bench-tunnel", "Tunnel benchmark", "bench",
                "MR-004 (bench)", "", LocalDate.now().minusDays(1), LocalDate.now().plusMonths(1), "pi"));
        context.getBean(MembershipService.class).add(admin, project.slug(),
                new NewMember("researcher", ProjectRole.RESEARCHER, null, null));
        project = projects.changeStatus(admin, project.slug(), ProjectStatus.ACTIVE, "bench");
        context.getBean(TestDesktopWorkspaces.class).register(project, "desk", researcher, true,
                DesktopProtocol.VNC, "bench-password");
        return project;
    }

    private static long[] direct(GuacdTestPeer peer) throws Exception {
        GuacamoleConfiguration config = new GuacamoleConfiguration();
        config.setProtocol("vnc");
        ConfiguredGuacamoleSocket socket = new ConfiguredGuacamoleSocket(new InetGuacamoleSocket(peer.host(),
                peer.port()), config);
        try {
            long[] times = new long[ROUNDS];
            for (int i = -WARMUP; i < ROUNDS; i++) {
                long start = System.nanoTime();
                socket.getWriter().write(MOUSE.toCharArray());
                GuacamoleInstruction got;
                do {
                    got = socket.getReader().readInstruction();
                } while (!got.getOpcode().equals("sync"));
                if (i >= 0) {
                    times[i] = System.nanoTime() - start;
                }
            }
            return times;
        } finally {
            socket.close();
        }
    }

    private static long[] relayed(int port, String cookie, String query) throws Exception {
        TunnelClient client = TunnelClient.open(port, cookie, query).get(30, TimeUnit.SECONDS);
        try {
            awaitSync(client); // the first frame
            Thread.sleep(200);
            client.messages.clear();
            long[] times = new long[ROUNDS];
            for (int i = -WARMUP; i < ROUNDS; i++) {
                long start = System.nanoTime();
                client.send(MOUSE);
                awaitSync(client);
                if (i >= 0) {
                    times[i] = System.nanoTime() - start;
                }
            }
            return times;
        } finally {
            client.session.close();
        }
    }

    private static void awaitSync(TunnelClient client) throws InterruptedException {
        String message;
        do {
            message = client.messages.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new IllegalStateException("no sync relayed within 10 s");
            }
        } while (!message.contains("4.sync,"));
    }

    private static double percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
