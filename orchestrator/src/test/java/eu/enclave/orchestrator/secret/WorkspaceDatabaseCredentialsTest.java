package eu.enclave.orchestrator.secret;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import eu.enclave.orchestrator.workspace.WorkspaceStatus;
import eu.enclave.orchestrator.workspace.WorkspaceService;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A project linked to a data-warehouse role: each workspace start leases credentials (demo engine here; the Vault
 * calls themselves are {@link VaultPeerScenariosTest}'s), written only into the Secret {@code ws-<name>-database}
 * that only its pod mounts; the stop revokes the lease.
 */
@OrchestratorApiTest
@TestPropertySource(properties = "enclave.vault.database.roles[0]=" + WorkspaceDatabaseCredentialsTest.ROLE)
class WorkspaceDatabaseCredentialsTest {

    static final String ROLE = "warehouse-read";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    KubernetesClient cluster;
    @Autowired
    WorkspaceService workspaces;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStartLeasesCredentialsIntoTheWorkspacesOwnSecretAndTheStopRevokesThem() throws Exception {
        Project project = fixtures.workspaceProject("wsdb");
        long before = fixtures.auditHead();
        link(project, "{\"role\": \"" + ROLE + "\"}", 200);
        assertThat(fixtures.auditAfter(before)).extracting(Audited::action)
                .containsExactly("project.database_role_changed");

        mvc.perform(post("/api/v1/projects/{slug}/workspaces", project.slug()).with(as("researcher"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"desk\", \"template\": \"linux-desktop\"}"));

        String ns = "enclave-" + project.slug();
        Secret secret = cluster.secrets().inNamespace(ns).withName("ws-desk-database").get();
        assertThat(secret.getData()).containsOnlyKeys("username", "password");
        String username = decode(secret.getData().get("username"));
        assertThat(username).startsWith("demo-" + ROLE);
        PodSpec pod = cluster.apps().statefulSets().inNamespace(ns).withName("ws-desk").get().getSpec().getTemplate()
                .getSpec();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getSecret() != null
                && "ws-desk-database".equals(v.getSecret().getSecretName())).findFirst().orElseThrow();
        VolumeMount mount = pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume.getName())).findFirst().orElseThrow();
        assertThat(mount.getReadOnly()).isTrue();
        assertThat(mount.getMountPath()).isEqualTo("/run/secrets/database");
        assertThat(leaseStates(project)).containsExactly("ACTIVE");

        mvc.perform(post("/api/v1/projects/{slug}/workspaces/{name}/stop", project.slug(), "desk")
                .with(as("researcher")));

        assertThat(leaseStates(project)).containsExactly("REVOKED");
        assertThat(workspaces.get(fixtures.user("researcher"), project.slug(), "desk").status())
                .isIn(WorkspaceStatus.STOPPING, WorkspaceStatus.STOPPED);
        assertThat(cluster.secrets().inNamespace(ns).withName("ws-desk-database").get())
                .as("the revoked credentials' Secret is deleted at the stop, not left until the next start").isNull();
        assertThat(cluster.apps().statefulSets().inNamespace(ns).withName("ws-desk").get().getSpec().getTemplate()
                .getSpec().getVolumes()).noneMatch(v -> v.getSecret() != null
                        && "ws-desk-database".equals(v.getSecret().getSecretName()));
        assertThat(fixtures.auditFor(project.slug()).toString()).doesNotContain(decode(secret.getData()
                .get("password")));
    }

    @Test
    void aRoleThatIsNotConfiguredIsRefusedAndNothingIsStored() throws Exception {
        Project project = fixtures.workspaceProject("wsdb-bad");
        assertRejected(mvc, fixtures, put("/api/v1/projects/{slug}/database-role", project.slug())
                .with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\": \"superuser\"}"), 400, "role");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project_database_roles WHERE project_id = ?",
                Long.class, project.id())).isZero();
    }

    @Test
    void unlinkingStopsFurtherLeases() throws Exception {
        Project project = fixtures.workspaceProject("wsdb-unlink");
        link(project, "{\"role\": \"" + ROLE + "\"}", 200);
        link(project, "{\"role\": null}", 200);

        mvc.perform(post("/api/v1/projects/{slug}/workspaces", project.slug()).with(as("researcher"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"desk\", \"template\": \"linux-desktop\"}"));

        assertThat(cluster.secrets().inNamespace("enclave-" + project.slug()).withName("ws-desk-database").get())
                .isNull();
        assertThat(leaseStates(project)).isEmpty();
    }

    @Test
    void aLinkedRoleNoLongerConfiguredFailsTheStartWithTheReasonAndNothingOnTheCluster() throws Exception {
        Project project = fixtures.workspaceProject("wsdb-retired");
        jdbc.update("INSERT INTO project_database_roles (project_id, role, linked_by, linked_at)"
                + " VALUES (?, 'retired-role', 'admin', now())", project.id());

        mvc.perform(post("/api/v1/projects/{slug}/workspaces", project.slug()).with(as("researcher"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"desk\", \"template\": \"linux-desktop\"}"));

        assertThat(workspaces.get(fixtures.user("researcher"), project.slug(), "desk").reason())
                .startsWith("database credentials: ").contains("role");
        String ns = "enclave-" + project.slug();
        assertThat(cluster.secrets().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(cluster.apps().statefulSets().inNamespace(ns).list().getItems()).isEmpty();
    }

    private void link(Project project, String body, int status) throws Exception {
        assertThat(mvc.perform(put("/api/v1/projects/{slug}/database-role", project.slug()).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus())
                .isEqualTo(status);
    }

    private List<String> leaseStates(Project project) {
        return jdbc.queryForList("SELECT state FROM secret_leases WHERE project = ?", String.class, project.slug());
    }

    private static String decode(String value) {
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }
}
