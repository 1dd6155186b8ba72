package eu.enclave.orchestrator.secret;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import eu.enclave.platform.web.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The orchestrator on Vault (the test peer): workspace passwords and database leases through the services, the
 * admins' API and page of a project's secrets, the audit entries, and a sealed Vault answered with 503 and its
 * reason. No value ever reaches a response, the database or the audit trail.
 */
@OrchestratorApiTest
class ProjectSecretsVaultTest {

    private static final VaultPeer PEER = startPeer();

    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry registry) {
        registry.add("enclave.vault.demo", () -> "false");
        registry.add("enclave.vault.address", PEER::address);
        registry.add("enclave.vault.auth.token", () -> VaultPeer.ROOT_TOKEN);
        registry.add("enclave.vault.database.roles[0]", () -> TestVaults.DATABASE_ROLE);
    }

    private static VaultPeer startPeer() {
        try {
            return new VaultPeer();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
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
    WorkspaceCredentials workspaces;
    @Autowired
    DatabaseCredentials databases;
    @Autowired
    SecretStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PendingSecretRetries retries;
    @Autowired
    PendingSecretOperations pending;

    @AfterEach
    void unseal() {
        PEER.seal(false);
    }

    @Test
    void theAdminSeesPathsAndLeasesOnVaultButNoValue() throws Exception {
        assertThat(store.kind()).isEqualTo(SecretStore.Kind.VAULT);
        String slug = fixtures.activeProject("sec").slug();
        long before = fixtures.auditHead();

        String password = workspaces.rotate(slug, "ws-1");
        LeasedCredentials credentials = databases.lease(slug, "ws-1", TestVaults.DATABASE_ROLE);

        assertThat(password).hasSize(PasswordGenerator.LENGTH);
        assertThat(PEER.kvAt("enclave/projects/" + slug + "/workspaces/ws-1/desktop"))
                .isEqualTo(Map.of("password", password));
        MvcResult result = mvc.perform(get("/api/v1/projects/{slug}/secrets", slug).with(as("admin"))).andReturn();
        String body = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(200);
        assertThat(JsonPath.<String>read(body, "$.store")).isEqualTo("vault");
        assertThat(JsonPath.<List<String>>read(body, "$.paths"))
                .containsExactly("projects/" + slug + "/workspaces/ws-1/desktop");
        assertThat(JsonPath.<List<String>>read(body, "$.leases[*].state")).containsExactly("ACTIVE");
        assertThat(JsonPath.<List<String>>read(body, "$.leases[*].leaseId")).containsExactly(credentials.leaseId());

        String page = mvc.perform(get("/projects/{slug}/secrets", slug).with(user("admin"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("projects/" + slug + "/workspaces/ws-1/desktop").contains(credentials.leaseId());

        List<Audited> audit = fixtures.auditAfter(before);
        assertThat(audit).extracting(Audited::action)
                .containsExactly("secret.workspace_credential_rotated", "secret.lease_issued");
        List<String> leaseRow = jdbc.queryForList("SELECT concat_ws('|', lease_id, project, workspace, role, state)"
                + " FROM secret_leases WHERE project = ?", String.class, slug);
        for (String shown : List.of(body, page, audit.toString(), leaseRow.toString())) {
            assertThat(shown).doesNotContain(password).doesNotContain(credentials.password())
                    .doesNotContain(credentials.username());
        }
    }

    @Test
    void leasesAreRenewedAndRevokedAtWorkspaceStopAndTheRevocationsAudited() {
        String slug = fixtures.activeProject("sec").slug();
        LeasedCredentials stays = databases.lease(slug, "ws-keep", TestVaults.DATABASE_ROLE);
        LeasedCredentials stops = databases.lease(slug, "ws-stop", TestVaults.DATABASE_ROLE);

        Lease renewed = databases.renew(stops.leaseId(), Duration.ofHours(2));
        List<Lease> revoked = databases.revokeWorkspace(slug, "ws-stop");

        assertThat(renewed.expiresAt()).isAfter(renewed.issuedAt().plus(Duration.ofMinutes(119)));
        assertThat(revoked).extracting(Lease::leaseId, Lease::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(stops.leaseId(), Lease.State.REVOKED));
        assertThat(PEER.revokedLeases()).contains(stops.leaseId()).doesNotContain(stays.leaseId());
        assertThat(databases.leases(slug)).extracting(Lease::workspace, Lease::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ws-keep", Lease.State.ACTIVE),
                org.assertj.core.groups.Tuple.tuple("ws-stop", Lease.State.REVOKED));
        assertThat(fixtures.auditFor(slug)).extracting(Audited::action).contains("secret.lease_renewed",
                "secret.lease_revoked");

        assertThat(databases.revokeProjectOrDefer(slug, "project SUSPENDED")).extracting(Lease::leaseId).containsExactly(stays.leaseId());
        assertThat(PEER.revokedLeases()).contains(stays.leaseId());
    }

    @Test
    void aLeaseVaultCannotRevokeAtAStopIsPendingShownToAdminsRetriedWithBackoffAndRevokedOnceVaultIsBack()
            throws Exception {
        String slug = fixtures.activeProject("sec-pend").slug();
        LeasedCredentials lease = databases.lease(slug, "ws-down", TestVaults.DATABASE_ROLE);
        long before = fixtures.auditHead();
        PEER.seal(true);

        assertThat(databases.revokeWorkspaceOrDefer(slug, "ws-down", "workspace stopped")).isEmpty();

        assertThat(databases.leases(slug)).extracting(Lease::state).containsExactly(Lease.State.ACTIVE);
        PendingOperation first = pending.open(slug).get(0);
        assertThat(pending.open(slug)).hasSize(1);
        assertThat(first.kind()).isEqualTo(PendingOperation.Kind.REVOKE_LEASE);
        assertThat(first.leaseId()).isEqualTo(lease.leaseId());
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("sealed");
        assertThat(Duration.between(first.lastAttemptAt(), first.nextAttemptAt())).isEqualTo(Duration.ofSeconds(30));
        assertThat(fixtures.auditAfter(before)).extracting(Audited::action).containsExactly("secret.operation_pending");
        // a second stop while it is pending records nothing twice
        databases.revokeWorkspaceOrDefer(slug, "ws-down", "workspace stopped");
        assertThat(pending.open(slug)).hasSize(1);

        assertThat(retries.runDue(first.createdAt().plusSeconds(10))).as("not due yet").isEmpty();
        assertThat(retries.runDue(first.nextAttemptAt())).as("still sealed").isEmpty();
        PendingOperation second = pending.open(slug).get(0);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(second.lastAttemptAt(), second.nextAttemptAt())).isEqualTo(Duration.ofMinutes(1));

        PEER.seal(false);
        String body = mvc.perform(get("/api/v1/projects/{slug}/secrets", slug).with(as("admin"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.pending[*].leaseId")).containsExactly(lease.leaseId());
        assertThat(JsonPath.<List<Integer>>read(body, "$.pending[*].attempts")).containsExactly(2);
        String page = mvc.perform(get("/projects/{slug}/secrets", slug).with(user("admin"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(page).select("#secret-pending tr[data-operation=REVOKE_LEASE]").text())
                .contains(lease.leaseId()).contains("workspace stopped").contains("sealed");

        assertThat(retries.runDue(second.nextAttemptAt())).hasSize(1);

        assertThat(PEER.revokedLeases()).contains(lease.leaseId());
        assertThat(databases.leases(slug)).extracting(Lease::state).containsExactly(Lease.State.REVOKED);
        assertThat(pending.open(slug)).isEmpty();
        List<Audited> audit = fixtures.auditAfter(before);
        assertThat(audit).extracting(Audited::action).containsExactly("secret.operation_pending",
                "secret.lease_revoked", "secret.operation_completed");
        assertThat(audit.get(2).details()).contains("\"attempts\":\"3\"").contains("REVOKE_LEASE");
        assertThat(mvc.perform(get("/projects/{slug}/secrets", slug).with(user("admin"))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"secret-pending-empty\"");
    }

    @Test
    void aProjectsPathsVaultCannotDestroyAtArchiveArePendingAndDestroyedOnceVaultIsBack() {
        String slug = fixtures.activeProject("sec-arch").slug();
        workspaces.rotate(slug, "ws-a");
        long before = fixtures.auditHead();
        PEER.seal(true);

        workspaces.destroyProjectOrDefer(slug, "project archived, namespace deleted");

        assertThat(pending.open(slug)).singleElement().satisfies(op -> {
            assertThat(op.kind()).isEqualTo(PendingOperation.Kind.DESTROY_PROJECT_SECRETS);
            assertThat(op.cause()).isEqualTo("project archived, namespace deleted");
        });
        assertThat(fixtures.auditAfter(before)).extracting(Audited::action)
                .as("a failure that destroyed nothing leaves no empty entry").containsExactly("secret.operation_pending");
        PEER.seal(false);

        assertThat(retries.runDue(pending.open(slug).get(0).nextAttemptAt())).hasSize(1);

        assertThat(store.list(slug)).isEmpty();
        assertThat(pending.open(slug)).isEmpty();
        assertThat(fixtures.auditAfter(before)).extracting(Audited::action).containsExactly(
                "secret.operation_pending", "secret.project_destroyed", "secret.operation_completed");
    }

    @Test
    void anUnconfiguredRoleIsRefusedBeforeVaultIsAsked() {
        String slug = fixtures.activeProject("sec").slug();
        PEER.clearRequests();

        assertThatThrownBy(() -> databases.lease(slug, "ws-1", "superuser"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(p -> p.field()).containsExactly("role"));
        assertThat(PEER.requests()).isEmpty();
        assertThat(databases.leases(slug)).isEmpty();
    }

    @Test
    void destroyingAProjectRemovesEveryPathAndAuditsThePathsOnly() {
        String slug = fixtures.activeProject("sec").slug();
        String password = workspaces.rotate(slug, "ws-a");
        workspaces.rotate(slug, "ws-b");
        long before = fixtures.auditHead();

        List<SecretPath> destroyed = workspaces.destroyProject(slug);

        assertThat(destroyed).extracting(SecretPath::relative)
                .containsExactly("workspaces/ws-a/desktop", "workspaces/ws-b/desktop");
        assertThat(store.list(slug)).isEmpty();
        assertThat(PEER.kvAt("enclave/projects/" + slug + "/workspaces/ws-a/desktop")).isNull();
        List<Audited> audit = fixtures.auditAfter(before);
        assertThat(audit).extracting(Audited::action).containsExactly("secret.project_destroyed");
        assertThat(audit.get(0).details()).contains("projects/" + slug + "/workspaces/ws-a/desktop")
                .contains("\"complete\":true").doesNotContain(password);
    }

    @Test
    void aSealedVaultIsA503WithItsReasonInTheApiAndThePortalAndChangesNothing() throws Exception {
        String slug = fixtures.activeProject("sec").slug();
        long before = fixtures.auditHead();
        PEER.seal(true);

        MvcResult api = mvc.perform(get("/api/v1/projects/{slug}/secrets", slug).with(as("admin"))).andReturn();
        MvcResult page = mvc.perform(get("/projects/{slug}/secrets", slug).with(user("admin"))).andReturn();
        assertThatThrownBy(() -> workspaces.rotate(slug, "ws-1")).isInstanceOf(SecretStoreUnavailable.class);

        assertThat(api.getResponse().getStatus()).isEqualTo(503);
        assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(api.getResponse().getContentAsString(), "$.detail"))
                .isEqualTo("Secret store unavailable: Vault at " + PEER.address() + " is sealed. Nothing was changed.");
        assertThat(page.getResponse().getStatus()).isEqualTo(503);
        assertThat(page.getResponse().getContentAsString()).contains("Service unavailable")
                .contains("Vault at " + PEER.address() + " is sealed");
        assertThat(fixtures.auditAfter(before)).isEmpty();
    }

    @Test
    void nonAdminsAreRefusedThePageToo() throws Exception {
        String slug = fixtures.activeProject("sec").slug();
        assertThat(mvc.perform(get("/projects/{slug}/secrets", slug).with(user("pi"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/projects/{slug}/secrets", slug).with(user("outsider"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }
}
