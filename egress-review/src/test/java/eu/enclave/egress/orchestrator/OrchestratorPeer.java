package eu.enclave.egress.orchestrator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.identity.Identity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test peer on the loopback interface that speaks the orchestrator's internal API (docs/internal-api.md) as the
 * orchestrator does: introspection of egress tokens, a person's roles, a project with its members, reviewers,
 * datasets, egress settings and policy, and deletion records. It accepts only the service credential, exactly, as
 * {@code Authorization: Bearer} (compared in constant time; two values during a rotation), records every request,
 * and is scripted by the tests: projects, members, workspaces and their starts (each start issues a new token and
 * kills the previous one), stops, suspensions, ended memberships, and failures (errors, a refused credential).
 *
 * <p>Token rules as the orchestrator's: active only for the workspace's current start, while the workspace runs,
 * the project is active and the owner is a current researcher or PI of it.
 *
 * <p>One peer serves a whole test JVM ({@link #shared()}): each test scripts projects of its own (unique slugs),
 * and the demo project {@code demo} (pi, researcher, reviewer, reviewer2; platform reviewer checker) is always
 * there.
 */
public final class OrchestratorPeer implements AutoCloseable {

    public static final String ISSUER = Identity.DEMO_ISSUER;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ROLES = Pattern.compile("/internal/v1/subjects/([A-Za-z0-9_-]+)/([A-Za-z0-9_-]+)/roles");
    private static final Pattern PROJECT = Pattern.compile("/internal/v1/projects/([a-z0-9-]+)");
    private static final Pattern DELETION = Pattern.compile("/internal/v1/projects/([a-z0-9-]+)/deletion-records");
    private static final Map<String, String> DISPLAY_NAMES = Map.of("admin", "Alice Admin", "steward", "Sam Steward",
            "pi", "Paula Investigator", "researcher", "Rémi Researcher", "reviewer", "Rita Reviewer",
            "reviewer2", "Romain Reviewer", "checker", "Chloé Checker");

    /** What the peer can be told to do instead of answering. */
    public enum Failure {
        /** Answers normally. */
        NONE,
        /** 500 to every call. */
        SERVER_ERROR,
        /** 503 to every call, as a restarting orchestrator behind its Service. */
        UNAVAILABLE,
        /** 200 with a body that is not the contract's shape. */
        MALFORMED
    }

    /** One request as the peer received it; {@code credentialAccepted} says whether it carried a valid one. */
    public record Request(String method, String path, boolean credentialAccepted, String body) {
    }

    private final HttpServer server;
    private final Path credentialFile;
    private final Set<String> acceptedCredentials = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, PeerProject> projects = new ConcurrentHashMap<>();
    private final Map<String, PeerWorkspace> tokens = new ConcurrentHashMap<>();
    private final Set<String> platformReviewers = ConcurrentHashMap.newKeySet();
    private final Set<String> admins = ConcurrentHashMap.newKeySet();
    private final Set<String> stewards = ConcurrentHashMap.newKeySet();
    private final AtomicInteger introspections = new AtomicInteger();
    private volatile Failure failure = Failure.NONE;
    private volatile boolean tamperPolicyHash;

    private static volatile OrchestratorPeer shared;

    public OrchestratorPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "orchestrator-peer");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        String credential = randomToken();
        acceptedCredentials.add(credential);
        credentialFile = Files.createTempFile("enclave-service-credential", "");
        credentialFile.toFile().deleteOnExit();
        Files.setPosixFilePermissions(credentialFile, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(credentialFile, credential + "\n");
        admins.add("admin");
        stewards.add("steward");
        platformReviewers.add("checker");
        project("demo").title("Demo cohort study").member("pi", "pi").member("researcher", "researcher")
                .member("reviewer", "reviewer").member("reviewer2", "reviewer")
                .dataset("demo-cohort", "pseudonymised");
    }

    /** The peer of this test JVM, started on first use, closed at exit. */
    public static OrchestratorPeer shared() {
        OrchestratorPeer peer = shared;
        if (peer == null) {
            synchronized (OrchestratorPeer.class) {
                peer = shared;
                if (peer == null) {
                    try {
                        peer = new OrchestratorPeer();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    Runtime.getRuntime().addShutdownHook(new Thread(peer::close, "orchestrator-peer-stop"));
                    shared = peer;
                }
            }
        }
        return peer;
    }

    /** The base URL for {@code enclave.orchestrator.internal-url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A file holding the credential the peer accepts, for {@code enclave.orchestrator.credential-file}. */
    public Path credentialFile() {
        return credentialFile;
    }

    /** Accepts {@code credential} too (a rotation), or alone when {@code only}. */
    public OrchestratorPeer acceptCredential(String credential, boolean only) {
        if (only) {
            acceptedCredentials.clear();
        }
        acceptedCredentials.add(credential);
        return this;
    }

    /** Refuses every credential from now on (as after a rotation egress-review missed) until {@link #reset()}. */
    public OrchestratorPeer refuseCredential() {
        acceptedCredentials.clear();
        acceptedCredentials.add(randomToken());
        return this;
    }

    public OrchestratorPeer fail(Failure failure) {
        this.failure = failure;
        return this;
    }

    /** Serves project answers whose policy hash is not the policy text's. */
    public OrchestratorPeer tamperPolicyHash(boolean tamper) {
        this.tamperPolicyHash = tamper;
        return this;
    }

    /** Answers normally again, with the credential of {@link #credentialFile()}. */
    public OrchestratorPeer reset() {
        failure = Failure.NONE;
        tamperPolicyHash = false;
        acceptedCredentials.clear();
        try {
            acceptedCredentials.add(Files.readString(credentialFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many introspections the peer answered: what a cache saves. */
    public int introspections() {
        return introspections.get();
    }

    /** The project of this slug, created active (with the default policy and one reviewer needed) on first use. */
    public PeerProject project(String slug) {
        return projects.computeIfAbsent(slug, PeerProject::new);
    }

    public OrchestratorPeer platformReviewer(String username) {
        platformReviewers.add(username);
        return this;
    }

    /** A person as the demo directory names them: issuer {@code urn:enclave:demo}, subject {@code demo:<username>}. */
    public static Person person(String username) {
        return new Person(ISSUER, "demo:" + username, username, DISPLAY_NAMES.getOrDefault(username, username),
                username + "@demo.enclave.invalid", "fr");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A project as the orchestrator holds it, scripted by the tests. */
    public final class PeerProject {

        private final String slug;
        private final UUID id = UUID.randomUUID();
        private volatile String title;
        private volatile String status = "active";
        private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
        private final Map<String, String> datasets = new ConcurrentHashMap<>();
        private final Map<String, PeerWorkspace> workspaces = new ConcurrentHashMap<>();
        private final List<Map<String, Object>> deletionRecords = new CopyOnWriteArrayList<>();
        private volatile DisclosurePolicy policy = DisclosurePolicy.DEFAULT;
        private volatile int reviewersRequired = 1;
        private volatile boolean barMembers = true;
        private volatile boolean piMayDownload;

        private PeerProject(String slug) {
            this.slug = slug;
            this.title = "Project " + slug;
        }

        public String slug() {
            return slug;
        }

        public UUID id() {
            return id;
        }

        public PeerProject title(String title) {
            this.title = title;
            return this;
        }

        /** {@code active}, {@code suspended}, {@code archived}, {@code draft}. */
        public PeerProject status(String status) {
            this.status = status;
            return this;
        }

        /** Adds a current member with these project roles ({@code pi}, {@code researcher}, {@code reviewer}). */
        public PeerProject member(String username, String... roles) {
            members.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).addAll(List.of(roles));
            return this;
        }

        /** The membership ends (its end date passed, or the PI removed it). */
        public PeerProject endMembership(String username) {
            members.remove(username);
            return this;
        }

        /** A dataset approved for the project, with its tier ({@code pseudonymised}, {@code highly_sensitive}...). */
        public PeerProject dataset(String name, String tier) {
            datasets.put(name, tier);
            return this;
        }

        public PeerProject policy(DisclosurePolicy policy) {
            this.policy = policy;
            return this;
        }

        public PeerProject reviewersRequired(int n) {
            this.reviewersRequired = n;
            return this;
        }

        public PeerProject barMembersFromReviewing(boolean bar) {
            this.barMembers = bar;
            return this;
        }

        public PeerProject piMayDownload(boolean may) {
            this.piMayDownload = may;
            return this;
        }

        /** The workspace of that name, owned by {@code owner} (made a researcher of the project if they are not). */
        public PeerWorkspace workspace(String name, String owner) {
            if (!members.containsKey(owner)) {
                member(owner, "researcher");
            }
            return workspaces.computeIfAbsent(name, n -> new PeerWorkspace(this, n, owner));
        }

        /** Deletion records egress-review reported, as received. */
        public List<Map<String, Object>> deletionRecords() {
            return List.copyOf(deletionRecords);
        }

        int minimumReviewers() {
            return datasets.containsValue("highly_sensitive") ? 2 : 1;
        }

        private boolean isResearcherOrPi(String username) {
            Set<String> roles = members.getOrDefault(username, Set.of());
            return roles.contains("researcher") || roles.contains("pi");
        }
    }

    /** A workspace of a project; each {@link #start()} issues a token for that start only. */
    public final class PeerWorkspace {

        private final PeerProject project;
        private final String name;
        private final String owner;
        private final UUID id = UUID.randomUUID();
        private volatile UUID startId;
        private volatile String currentToken;
        private volatile Instant issuedAt;
        private volatile boolean running;
        private volatile String podAddress;

        private PeerWorkspace(PeerProject project, String name, String owner) {
            this.project = project;
            this.name = name;
            this.owner = owner;
        }

        /** A new start: a new token, which kills the previous start's at once. Returns the token. */
        public String start() {
            String token = randomToken();
            startId = UUID.randomUUID();
            issuedAt = Instant.now();
            currentToken = token;
            running = true;
            tokens.put(token, this);
            return token;
        }

        /** The current start's token (null before the first start). */
        public String token() {
            return currentToken;
        }

        public PeerWorkspace stop() {
            running = false;
            return this;
        }

        /** The pod's IP as the cluster reports it; null (the default) as on the simulated cluster. */
        public PeerWorkspace podAddress(String address) {
            this.podAddress = address;
            return this;
        }

        public UUID id() {
            return id;
        }

        public UUID startId() {
            return startId;
        }

        public String name() {
            return name;
        }

        public PeerProject project() {
            return project;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            boolean accepted = accepted(exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(new Request(exchange.getRequestMethod(), path, accepted, body));
            if (!accepted) {
                send(exchange, 401, Map.of("title", "Unauthorized", "status", 401,
                        "detail", "The internal API accepts only the service credential."));
                return;
            }
            switch (failure) {
                case SERVER_ERROR -> send(exchange, 500, Map.of("title", "Internal Server Error", "status", 500));
                case UNAVAILABLE -> send(exchange, 503, Map.of("title", "Service Unavailable", "status", 503));
                case MALFORMED -> send(exchange, 200, Map.of("unexpected", true));
                case NONE -> route(exchange, path, body);
            }
        } catch (RuntimeException e) {
            send(exchange, 500, Map.of("title", "test peer: " + e));
        }
    }

    private boolean accepted(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] presented = authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String credential : acceptedCredentials) {
            match |= MessageDigest.isEqual(presented, credential.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }

    private void route(HttpExchange exchange, String path, String body) throws IOException {
        String method = exchange.getRequestMethod();
        Matcher m;
        if (method.equals("POST") && path.equals("/internal/v1/egress-tokens/introspect")) {
            introspect(exchange, body);
        } else if (method.equals("GET") && (m = ROLES.matcher(path)).matches()) {
            send(exchange, 200, roles(decode(m.group(1)), decode(m.group(2))));
        } else if (method.equals("POST") && (m = DELETION.matcher(path)).matches()) {
            deletion(exchange, m.group(1), body);
        } else if (method.equals("GET") && (m = PROJECT.matcher(path)).matches()) {
            PeerProject project = projects.get(m.group(1));
            if (project == null) {
                send(exchange, 404, Map.of("title", "Not Found", "status", 404, "detail", "No such project."));
            } else {
                send(exchange, 200, project(project));
            }
        } else {
            send(exchange, 404, Map.of("title", "Not Found", "status", 404));
        }
    }

    private void introspect(HttpExchange exchange, String body) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            json = null;
        }
        if (json == null || !json.path("token").isString()) {
            send(exchange, 400, Map.of("title", "Bad Request", "status", 400, "detail", "token: is required"));
            return;
        }
        introspections.incrementAndGet();
        String token = json.path("token").stringValue();
        PeerWorkspace workspace = tokens.get(token);
        String reason = workspace == null ? "unknown"
                : !token.equals(workspace.currentToken) ? "revoked"
                : !workspace.running ? "workspace-not-running"
                : !workspace.project.status.equals("active") ? "project-not-active"
                : !workspace.project.isResearcherOrPi(workspace.owner) ? "not-a-member"
                : null;
        if (reason != null) {
            send(exchange, 200, Map.of("active", false, "reason", reason));
            return;
        }
        Map<String, Object> ws = new LinkedHashMap<>();
        ws.put("id", workspace.id.toString());
        ws.put("name", workspace.name);
        ws.put("startId", workspace.startId.toString());
        ws.put("podAddress", workspace.podAddress);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("project", Map.of("id", workspace.project.id.toString(), "slug", workspace.project.slug,
                "status", workspace.project.status));
        answer.put("workspace", ws);
        answer.put("owner", personJson(workspace.owner));
        answer.put("issuedAt", workspace.issuedAt.toString());
        send(exchange, 200, answer);
    }

    private Map<String, Object> roles(String issuer, String subject) {
        String username = issuer.equals(ISSUER) && subject.startsWith("demo:") ? subject.substring(5) : null;
        List<Map<String, Object>> memberships = new ArrayList<>();
        if (username != null) {
            projects.values().stream().filter(p -> p.members.containsKey(username))
                    .sorted((a, b) -> a.slug.compareTo(b.slug))
                    .forEach(p -> memberships.add(Map.of("slug", p.slug, "status", p.status,
                            "roles", List.copyOf(p.members.get(username)))));
        }
        Set<String> platform = new LinkedHashSet<>();
        if (username != null && admins.contains(username)) {
            platform.add("admin");
        }
        if (username != null && stewards.contains(username)) {
            platform.add("steward");
        }
        if (username != null && platformReviewers.contains(username)) {
            platform.add("reviewer");
        }
        boolean known = username != null && (DISPLAY_NAMES.containsKey(username) || !memberships.isEmpty()
                || !platform.isEmpty());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("issuer", issuer);
        answer.put("subject", subject);
        answer.put("known", known);
        if (known) {
            answer.putAll(personJson(username));
        }
        answer.put("platformRoles", known ? List.copyOf(platform) : List.of());
        answer.put("projects", known ? memberships : List.of());
        return answer;
    }

    private Map<String, Object> project(PeerProject project) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", project.id.toString());
        answer.put("slug", project.slug);
        answer.put("title", project.title);
        answer.put("status", project.status);
        answer.put("endDate", LocalDate.now().plusYears(1).toString());
        List<Map<String, Object>> members = new ArrayList<>();
        List<Map<String, Object>> reviewers = new ArrayList<>();
        project.members.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Map<String, Object> member = new LinkedHashMap<>(personJson(e.getKey()));
            member.put("roles", e.getValue().stream().sorted().toList());
            members.add(member);
            if (e.getValue().contains("reviewer")) {
                Map<String, Object> reviewer = new LinkedHashMap<>(personJson(e.getKey()));
                reviewer.put("kind", "project");
                reviewers.add(reviewer);
            }
        });
        platformReviewers.stream().sorted().forEach(u -> {
            Map<String, Object> reviewer = new LinkedHashMap<>(personJson(u));
            reviewer.put("kind", "platform");
            reviewers.add(reviewer);
        });
        answer.put("members", members);
        answer.put("datasets", project.datasets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(d -> Map.of("name", d.getKey(), "tier", d.getValue(), "approvedFrom", LocalDate.now().toString(),
                        "approvedUntil", LocalDate.now().plusYears(1).toString(), "current", true))
                .toList());
        answer.put("reviewers", reviewers);
        int minimum = project.minimumReviewers();
        Map<String, Object> egress = new LinkedHashMap<>();
        egress.put("reviewersRequired", Math.max(project.reviewersRequired, minimum));
        egress.put("minimumReviewers", minimum);
        egress.put("highestTier", project.datasets.containsValue("highly_sensitive") ? "highly_sensitive"
                : project.datasets.isEmpty() ? null : "pseudonymised");
        egress.put("barMembersFromReviewing", project.barMembers);
        egress.put("piMayDownload", project.piMayDownload);
        egress.put("downloadExpiryDays", 30);
        egress.put("downloadLimit", 5);
        answer.put("egress", egress);
        answer.put("policy", JSON.readTree(project.policy.canonicalJson()));
        answer.put("policyText", project.policy.canonicalJson());
        String hash = project.policy.hash();
        answer.put("policyHash", tamperPolicyHash ? hash.substring(0, hash.length() - 1)
                + (hash.endsWith("0") ? "1" : "0") : hash);
        return answer;
    }

    private void deletion(HttpExchange exchange, String slug, String body) throws IOException {
        PeerProject project = projects.get(slug);
        if (project == null) {
            send(exchange, 404, Map.of("title", "Not Found", "status", 404));
            return;
        }
        if (!project.status.equals("archived")) {
            send(exchange, 409, Map.of("title", "Conflict", "status", 409, "detail", "The project is not archived."));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> record = JSON.readValue(body, Map.class);
        boolean repeated = project.deletionRecords.stream()
                .anyMatch(r -> r.get("component").equals(record.get("component")));
        if (!repeated) {
            project.deletionRecords.add(record);
        }
        send(exchange, repeated ? 200 : 201, record);
    }

    private static Map<String, Object> personJson(String username) {
        Person person = person(username);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issuer", person.issuer());
        json.put("subject", person.subject());
        json.put("username", person.username());
        json.put("displayName", person.displayName());
        json.put("email", person.email());
        json.put("locale", person.locale());
        return json;
    }

    private static String decode(String base64url) {
        return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
