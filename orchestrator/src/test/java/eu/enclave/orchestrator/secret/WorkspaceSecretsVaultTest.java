package eu.enclave.orchestrator.secret;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.secret.VaultPeer.Request;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import eu.enclave.orchestrator.workspace.Workspace;
import eu.enclave.orchestrator.workspace.WorkspaceReconcileService;
import eu.enclave.orchestrator.workspace.WorkspaceService;
import eu.enclave.orchestrator.workspace.WorkspaceStatus;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Workspace desktop passwords on Vault (the test peer, logged in with AppRole so that its token can expire): the
 * Secret the pod mounts holds what Vault holds, rotated at each start; Vault sealed at a start fails the workspace
 * with the reason and leaves nothing on the cluster; a token lost mid-start is replaced and the start completes;
 * deleting the workspace destroys its Vault path.
 */
@OrchestratorApiTest
class WorkspaceSecretsVaultTest {

    private static final VaultPeer PEER = startPeer();

    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry registry) {
        registry.add("enclave.vault.demo", () -> "false");
        registry.add("enclave.vault.address", PEER::address);
        registry.add("enclave.vault.auth.method", () -> "approle");
        registry.add("enclave.vault.auth.approle.role-id", () -> VaultPeer.ROLE_ID);
        registry.add("enclave.vault.auth.approle.secret-id-file", WorkspaceSecretsVaultTest::secretIdFile);
        registry.add("enclave.vault.database.roles[0]", () -> TestVaults.DATABASE_ROLE);
    }

    private static VaultPeer startPeer() {
        try {
            return new VaultPeer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String secretIdFile() {
        try {
            Path file = Files.createTempFile("vault-secret-id", "");
            file.toFile().deleteOnExit();
            return Files.writeString(file, VaultPeer.SECRET_ID).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopPeer() {
        PEER.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    WorkspaceService workspaces;
    @Autowired
    KubernetesClient cluster;
    @Autowired
    WorkspaceReconcileService reconciles;

    @AfterEach
    void unseal() {
        PEER.seal(false);
    }

    @Test
    void eachStartRotatesThePasswordInVaultAndTheSecretHoldsWhatVaultHolds() throws Exception {
        Project project = fixtures.workspaceProject("wsv");
        create(project, "desk");
        String first = secretValue(project, "desk");
        assertThat(vaultValue(project, "desk")).isEqualTo(first);

        mvc.perform(post("/api/v1/projects/{slug}/workspaces/{name}/stop", project.slug(), "desk")
                .with(as("researcher")));
        workspaces.observe(project.id(), "desk", WorkspaceStatus.STOPPED, "");
        mvc.perform(post("/api/v1/projects/{slug}/workspaces/{name}/start", project.slug(), "desk")
                .with(as("researcher")));

        String second = secretValue(project, "desk");
        assertThat(second).isNotEqualTo(first).hasSize(PasswordGenerator.LENGTH);
        assertThat(vaultValue(project, "desk")).isEqualTo(second);
    }

    @Test
    void aSealedVaultAtAStartFailsTheWorkspaceWithTheReasonAndLeavesNothingOnTheCluster() throws Exception {
        Project project = fixtures.workspaceProject("wsv-sealed");
        PEER.seal(true);

        create(project, "desk");

        Workspace failed = workspaces.get(fixtures.user("researcher"), project.slug(), "desk");
        assertThat(failed.status()).isEqualTo(WorkspaceStatus.FAILED);
        assertThat(failed.reason()).isEqualTo("secret store unavailable: Vault at " + PEER.address() + " is sealed");
        assertNothingOnTheCluster(project);

        // the periodic run does not bring a failed, never-started workspace back either
        reconciles.reconcileAll();
        assertNothingOnTheCluster(project);

        PEER.seal(false);
        mvc.perform(post("/api/v1/projects/{slug}/workspaces/{name}/start", project.slug(), "desk")
                .with(as("researcher")));
        assertThat(secretValue(project, "desk")).isEqualTo(vaultValue(project, "desk"));
    }

    @Test
    void aTokenLostMidStartIsReplacedByLoggingInAgainAndTheStartCompletes() throws Exception {
        Project project = fixtures.workspaceProject("wsv-token");
        PEER.clearRequests();
        PEER.refuseNextCall();

        create(project, "desk");

        assertThat(PEER.requests()).extracting(Request::path).contains("/v1/auth/approle/login");
        assertThat(workspaces.get(fixtures.user("researcher"), project.slug(), "desk").status())
                .isNotEqualTo(WorkspaceStatus.FAILED);
        assertThat(secretValue(project, "desk")).isEqualTo(vaultValue(project, "desk"));
    }

    @Test
    void deletingTheWorkspaceDestroysItsVaultPath() throws Exception {
        Project project = fixtures.workspaceProject("wsv-delete");
        create(project, "desk");
        mvc.perform(post("/api/v1/projects/{slug}/workspaces/{name}/stop", project.slug(), "desk")
                .with(as("researcher")));
        workspaces.observe(project.id(), "desk", WorkspaceStatus.STOPPED, "");
        long before = fixtures.auditHead();

        int status = mvc.perform(delete("/api/v1/projects/{slug}/workspaces/{name}", project.slug(), "desk")
                .with(as("researcher"))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(204);
        assertThat(PEER.kvAt(kvPath(project, "desk"))).isNull();
        assertThat(PEER.requests()).anyMatch(r -> r.method().equals("DELETE")
                && r.path().equals("/v1/secret/metadata/" + kvPath(project, "desk")));
        assertThat(fixtures.auditAfter(before)).extracting(Audited::action)
                .contains("secret.workspace_credential_destroyed", "workspace.deleted");
        assertThat(cluster.secrets().inNamespace(namespace(project)).withName("ws-desk-desktop").get()).isNull();
    }

    @Test
    void aSealedVaultRefusesTheDeletionWith503AndKeepsTheWorkspace() throws Exception {
        Project project = fixtures.workspaceProject("wsv-delete-sealed");
        create(project, "desk");
        mvc.perform(post("/api/v1/projects/{slug}/workspaces/{name}/stop", project.slug(), "desk")
                .with(as("researcher")));
        workspaces.observe(project.id(), "desk", WorkspaceStatus.STOPPED, "");
        PEER.seal(true);

        int status = mvc.perform(delete("/api/v1/projects/{slug}/workspaces/{name}", project.slug(), "desk")
                .with(as("researcher"))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(503);
        assertThat(workspaces.get(fixtures.user("researcher"), project.slug(), "desk").status())
                .isEqualTo(WorkspaceStatus.STOPPED);
    }

    private void assertNothingOnTheCluster(Project project) {
        String ns = namespace(project);
        assertThat(cluster.secrets().inNamespace(ns).list().getItems()).as("no Secret").isEmpty();
        assertThat(cluster.apps().statefulSets().inNamespace(ns).list().getItems()).as("no StatefulSet").isEmpty();
    }

    private void create(Project project, String name) throws Exception {
        int status = mvc.perform(post("/api/v1/projects/{slug}/workspaces", project.slug()).with(as("researcher"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"template\": \"linux-desktop\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);
    }

    private String secretValue(Project project, String workspace) {
        Secret secret = cluster.secrets().inNamespace(namespace(project)).withName("ws-" + workspace + "-desktop").get();
        assertThat(secret).as("the desktop Secret").isNotNull();
        return new String(Base64.getDecoder().decode(secret.getData().get("password")), StandardCharsets.UTF_8);
    }

    private static Object vaultValue(Project project, String workspace) {
        Map<String, Object> data = PEER.kvAt(kvPath(project, workspace));
        assertThat(data).as("the Vault path").isNotNull();
        return data.get("password");
    }

    private static String kvPath(Project project, String workspace) {
        return "enclave/projects/" + project.slug() + "/workspaces/" + workspace + "/desktop";
    }

    private static String namespace(Project project) {
        return "enclave-" + project.slug();
    }
}
