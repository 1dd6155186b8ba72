package eu.enclave.platform.security;

import eu.enclave.platform.identity.PlatformRole;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo sign-in: a fixed directory of users sharing one well-known password. Never in production.
 *
 * @param enabled  whether demo sign-in (form and HTTP Basic) is on
 * @param password the shared password of every demo user
 * @param users    the demo directory
 */
@ConfigurationProperties("enclave.demo")
public record DemoProperties(boolean enabled, String password, List<User> users) {

    public DemoProperties {
        password = password == null || password.isBlank() ? "demo" : password;
        users = users == null || users.isEmpty() ? defaults() : List.copyOf(users);
    }

    public record User(String username, String displayName, Set<PlatformRole> roles) {
        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    private static List<User> defaults() {
        return List.of(
                new User("admin", "Alice Admin", Set.of(PlatformRole.ADMIN)),
                new User("steward", "Sam Steward", Set.of(PlatformRole.STEWARD)),
                new User("pi", "Paula Investigator", Set.of()),
                new User("researcher", "Rémi Researcher", Set.of()),
                new User("reviewer", "Rita Reviewer", Set.of()),
                new User("reviewer2", "Romain Reviewer", Set.of()),
                new User("checker", "Chloé Checker", Set.of(PlatformRole.REVIEWER)));
    }
}
