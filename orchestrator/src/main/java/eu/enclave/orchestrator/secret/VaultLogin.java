package eu.enclave.orchestrator.secret;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LookupResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** How the orchestrator obtains a Vault token. Credentials held in files are read at each login: they rotate. */
sealed interface VaultLogin {

    VaultToken logIn(VaultEndpoint vault, Clock clock) throws VaultException;

    /** For people and logs: which method and role, never a credential. */
    String describe();

    /** A fixed token (development): "login" only looks it up to learn its TTL; a lost one cannot be replaced. */
    record FixedToken(String token) implements VaultLogin {

        @Override
        public VaultToken logIn(VaultEndpoint vault, Clock clock) throws VaultException {
            LookupResponse self = VaultResponses.require(vault.plainClient(token).auth().lookupSelf(), "look up the token");
            return new VaultToken(token, clock.instant(), Duration.ofSeconds(self.getTTL()), self.isRenewable());
        }

        @Override
        public String describe() {
            return "token";
        }

        @Override
        public String toString() {
            return "FixedToken[…]";
        }
    }

    /** Kubernetes auth with the pod's service-account token, which the kubelet rotates in place. */
    record Kubernetes(String role, Path jwtFile, String mount) implements VaultLogin {

        @Override
        public VaultToken logIn(VaultEndpoint vault, Clock clock) throws VaultException {
            String jwt = readFile(jwtFile, "the service-account token");
            // unlike its AppRole login, the driver's Kubernetes login takes the path under /v1/, "auth/" included
            return token(VaultResponses.require(vault.plainClient(null).auth().loginByKubernetes(role, jwt,
                            "auth/" + mount),
                    "log in with Kubernetes auth"), clock);
        }

        @Override
        public String describe() {
            return "kubernetes role " + role + " at auth/" + mount;
        }
    }

    /** AppRole: the role id is configuration, the secret id a file that a deployment tool delivers. */
    record AppRole(String roleId, Path secretIdFile, String mount) implements VaultLogin {

        @Override
        public VaultToken logIn(VaultEndpoint vault, Clock clock) throws VaultException {
            String secretId = readFile(secretIdFile, "the AppRole secret id");
            return token(VaultResponses.require(vault.plainClient(null).auth().loginByAppRole(mount, roleId, secretId),
                    "log in with AppRole"), clock);
        }

        @Override
        public String describe() {
            return "approle role id " + roleId + " at auth/" + mount;
        }
    }

    private static VaultToken token(AuthResponse response, Clock clock) {
        return new VaultToken(response.getAuthClientToken(), clock.instant(),
                Duration.ofSeconds(response.getAuthLeaseDuration()), response.isAuthRenewable());
    }

    private static String readFile(Path file, String what) throws VaultException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new VaultException("cannot read " + what + " from " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
