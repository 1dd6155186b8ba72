package eu.enclave.orchestrator.secret;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import eu.enclave.orchestrator.cluster.retention.ArchiveRetentionService;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.MutableClock;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import eu.enclave.orchestrator.workspace.WorkspaceService;
import eu.enclave.orchestrator.workspace.WorkspaceStatus;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * No secret anywhere but in the secret store and the Secrets the pods mount. A full life through the API
 * (database role linked, create, stop, start again, stop, project suspended, archived, its namespace torn down),
 * collecting every desktop password issued and every database password leased (read back from the Kubernetes
 * Secrets, the one place they belong), then a search for each, raw and in base64, in: the captured log output,
 * every column of every table of every schema, the audit trail, every API response body, and every non-Secret
 * object on the (mock) cluster as YAML, taken at each step.
 */
@OrchestratorApiTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "enclave.vault.database.roles[0]=warehouse-read")
class SecretHygieneTest {

    private static final List<Class<? extends HasMetadata>> NAMESPACED = List.of(StatefulSet.class, Service.class,
            PersistentVolumeClaim.class, ConfigMap.class, Pod.class, NetworkPolicy.class, ResourceQuota.class,
            LimitRange.class, ServiceAccount.class, Role.class, RoleBinding.class, Event.class);
    private static final List<Class<? extends HasMetadata>> CLUSTER_WIDE = List.of(Namespace.class,
            PersistentVolume.class);

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    KubernetesClient cluster;
    @Autowired
    WorkspaceService workspaces;
    @Autowired
    ArchiveRetentionService retention;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    private final List<String> responses = new ArrayList<>();
    private final Map<String, String> clusterSnapshots = new LinkedHashMap<>();
    private final Set<String> passwords = new LinkedHashSet<>();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void noIssuedPasswordAppearsInLogsDatabaseAuditApiOrNonSecretClusterObjects(CapturedOutput output)
            throws Exception {
        Project project = fixtures.workspaceProject("hygiene");
        String slug = project.slug();
        String ns = "enclave-" + slug;
        call(put("/api/v1/projects/{slug}/database-role", slug).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"warehouse-read\"}"));

        call(post("/api/v1/projects/{slug}/workspaces", slug).with(as("researcher"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"desk\", \"template\": \"linux-desktop\"}"));
        collectPassword(ns, "desk");
        readEverything(slug, "researcher");
        snapshotCluster("running");
        call(post("/api/v1/projects/{slug}/workspaces/{name}/stop", slug, "desk").with(as("researcher")));
        workspaces.observe(project.id(), "desk", WorkspaceStatus.STOPPED, "");
        call(post("/api/v1/projects/{slug}/workspaces/{name}/start", slug, "desk").with(as("researcher")));
        collectPassword(ns, "desk");
        readEverything(slug, "admin");
        snapshotCluster("started again");
        call(post("/api/v1/projects/{slug}/workspaces", slug).with(as("pi"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"gone\", \"template\": \"linux-desktop\"}"));
        collectPassword(ns, "gone");
        call(post("/api/v1/projects/{slug}/workspaces/{name}/stop", slug, "gone").with(as("pi")));
        workspaces.observe(project.id(), "gone", WorkspaceStatus.STOPPED, "");
        call(delete("/api/v1/projects/{slug}/workspaces/{name}", slug, "gone").with(as("pi")));

        call(post("/api/v1/projects/{slug}/status", slug).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"suspended\", \"reason\": \"audit\"}"));
        workspaces.observe(project.id(), "desk", WorkspaceStatus.STOPPED, "");
        readEverything(slug, "admin");
        snapshotCluster("suspended");
        call(post("/api/v1/projects/{slug}/status", slug).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"archived\", \"reason\": \"study over\"}"));
        snapshotCluster("archived");
        clock.advance(Duration.ofDays(400));
        retention.run();
        retention.run();
        readEverything(slug, "admin");
        snapshotCluster("torn down");

        assertThat(passwords).as("a desktop and a database password per start").hasSize(6);
        assertThat(fixtures.auditFor(slug)).extracting(Fixtures.Audited::action)
                .contains("secret.workspace_credential_rotated", "secret.project_destroyed");
        Map<String, String> haystacks = new LinkedHashMap<>();
        haystacks.put("log output", output.getAll());
        haystacks.put("database", databaseDump());
        haystacks.put("audit trail", fixtures.auditFor(slug).toString());
        haystacks.put("API responses", String.join("\n", responses));
        haystacks.putAll(clusterSnapshots);
        for (String password : passwords) {
            for (String form : List.of(password, base64(password))) {
                haystacks.forEach((where, text) -> assertThat(text).as("a desktop password in the " + where)
                        .doesNotContain(form));
            }
        }
    }

    /** The search would see a leak: the value is in the one place it belongs, in the form searched for. */
    private void collectPassword(String namespace, String workspace) {
        Secret secret = cluster.secrets().inNamespace(namespace).withName("ws-" + workspace + "-desktop").get();
        String encoded = secret.getData().get("password");
        assertThat(cluster.getKubernetesSerialization().asYaml(secret)).contains(encoded);
        passwords.add(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        Secret database = cluster.secrets().inNamespace(namespace).withName("ws-" + workspace + "-database").get();
        passwords.add(new String(Base64.getDecoder().decode(database.getData().get("password")),
                StandardCharsets.UTF_8));
    }

    private void readEverything(String slug, String user) throws Exception {
        call(get("/api/v1/projects/{slug}/workspaces", slug).with(as(user)));
        call(get("/api/v1/projects/{slug}/workspaces/{name}", slug, "desk").with(as(user)));
        call(get("/api/v1/projects/{slug}/secrets", slug).with(as("admin")));
        call(get("/api/v1/projects/{slug}", slug).with(as("admin")));
        call(get("/api/v1/projects/{slug}/cluster", slug).with(as("admin")));
    }

    private void call(RequestBuilder request) throws Exception {
        responses.add(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }

    private void snapshotCluster(String step) {
        StringBuilder yaml = new StringBuilder();
        for (Class<? extends HasMetadata> kind : NAMESPACED) {
            cluster.resources(kind).inAnyNamespace().list().getItems()
                    .forEach(o -> yaml.append(cluster.getKubernetesSerialization().asYaml(o)));
        }
        for (Class<? extends HasMetadata> kind : CLUSTER_WIDE) {
            cluster.resources(kind).list().getItems()
                    .forEach(o -> yaml.append(cluster.getKubernetesSerialization().asYaml(o)));
        }
        assertThat(yaml).as("the snapshot holds objects").contains("kind: \"StatefulSet\"", "kind: \"Namespace\"");
        clusterSnapshots.put("cluster objects (" + step + ")", yaml.toString());
    }

    /** Every column of every row of every table, in every schema but PostgreSQL's own. */
    private String databaseDump() {
        StringBuilder dump = new StringBuilder();
        List<Map<String, Object>> tables = jdbc.queryForList("SELECT table_schema, table_name"
                + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                + " AND table_schema NOT IN ('pg_catalog', 'information_schema')");
        assertThat(tables).extracting(t -> t.get("table_name")).contains("workspaces", "secret_leases");
        for (Map<String, Object> table : tables) {
            String name = "\"" + table.get("table_schema") + "\".\"" + table.get("table_name") + "\"";
            jdbc.queryForList("SELECT t::text FROM " + name + " t", String.class)
                    .forEach(row -> dump.append(name).append(' ').append(row).append('\n'));
        }
        return dump.toString();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
