package eu.enclave.orchestrator.secret;

import io.github.jopenlibs.vault.response.LogicalResponse;
import io.github.jopenlibs.vault.response.VaultResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credentials from Vault's database secrets engine: {@code GET <mount>/creds/<role>}, and the lease calls
 * {@code POST sys/leases/renew/<lease id>} and {@code POST sys/leases/revoke/<lease id>}. Both name the lease
 * in the path, so that the policy can grant them for the database mount's leases only
 * (docs/vault/enclave-orchestrator.hcl); the driver's {@code leases().revoke} sends the id in the body of
 * {@code sys/leases/revoke}, which a policy could only grant for every lease, so revocation is a plain write.
 */
public final class VaultDatabaseEngine implements DatabaseEngine {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VaultSession session;
    private final String mount;

    public VaultDatabaseEngine(VaultSession session, String mount) {
        this.session = session;
        this.mount = mount;
    }

    @Override
    public LeasedCredentials issue(String role) {
        String what = "lease database credentials for role " + role;
        return session.call(what, vault -> {
            LogicalResponse response = VaultResponses.require(
                    vault.plain().logical().read(mount + "/creds/" + role), what);
            Map<String, String> data = response.getData();
            return new LeasedCredentials(data.get("username"), data.get("password"), response.getLeaseId(),
                    Duration.ofSeconds(response.getLeaseDuration()), Boolean.TRUE.equals(response.getRenewable()));
        });
    }

    @Override
    public Duration renew(String leaseId, Duration increment) {
        String what = "renew lease " + leaseId;
        return session.call(what, vault -> {
            VaultResponse response = VaultResponses.require(
                    vault.plain().leases().renew(leaseId, increment.toSeconds()), what);
            String body = new String(response.getRestResponse().getBody(), StandardCharsets.UTF_8);
            return Duration.ofSeconds(JSON.readTree(body).path("lease_duration").asLong());
        });
    }

    @Override
    public void revoke(String leaseId) {
        String what = "revoke lease " + leaseId;
        session.call(what, vault -> VaultResponses.require(
                vault.plain().logical().write("sys/leases/revoke/" + leaseId, Map.of()), what));
    }
}
