package eu.enclave.platform.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People known to the service. Sign-ins are recorded (upserted by subject); a bearer-token API client
 * signs in on every request, so an unchanged identity is written at most once per {@link #REFRESH}.
 */
public class UserDirectory {

    static final Duration REFRESH = Duration.ofMinutes(5);
    private static final String COLUMNS = "id, issuer, subject, username, display_name, email, locale, platform_roles";

    private final JdbcTemplate jdbc;
    private final Map<String, Recorded> recent = new ConcurrentHashMap<>();

    public UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public CurrentUser record(Identity identity) {
        String key = identity.issuer() + "\n" + identity.subject();
        Recorded known = recent.get(key);
        Instant now = Instant.now();
        if (known != null && known.identity().equals(identity) && known.at().plus(REFRESH).isAfter(now)) {
            return known.user();
        }
        CurrentUser user = upsert(identity, identity.username(), now);
        recent.put(key, new Recorded(identity, user, now));
        return user;
    }

    private CurrentUser upsert(Identity identity, String username, Instant now) {
        try {
            return jdbc.queryForObject("""
                    INSERT INTO platform.users (id, issuer, subject, username, display_name, email, locale,
                        platform_roles, created_at, last_seen_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (issuer, subject) DO UPDATE SET username = EXCLUDED.username,
                        display_name = EXCLUDED.display_name, email = EXCLUDED.email,
                        locale = COALESCE(EXCLUDED.locale, platform.users.locale),
                        platform_roles = EXCLUDED.platform_roles, last_seen_at = EXCLUDED.last_seen_at
                    RETURNING""" + " " + COLUMNS, UserDirectory::map,
                    UUID.randomUUID(), identity.issuer(), identity.subject(), username, identity.displayName(),
                    identity.email(), identity.locale(), encode(identity.roles()), Timestamp.from(now),
                    Timestamp.from(now));
        } catch (DuplicateKeyException usernameTaken) {
            // Two identities may claim the same preferred username; the subject is what identifies a person.
            String disambiguated = identity.username() + "~" + Integer.toHexString(identity.subject().hashCode());
            if (username.equals(disambiguated)) {
                throw usernameTaken;
            }
            return upsert(identity, disambiguated, now);
        }
    }

    public Optional<CurrentUser> findByUsername(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM platform.users WHERE username = ?", UserDirectory::map, username)
                .stream().findFirst();
    }

    /** The person another service names by identity provider and subject. */
    public Optional<CurrentUser> findBySubject(String issuer, String subject) {
        return jdbc.query("SELECT " + COLUMNS + " FROM platform.users WHERE issuer = ? AND subject = ?",
                UserDirectory::map, issuer, subject).stream().findFirst();
    }

    /** Everyone holding a platform role, e.g. the platform-wide output reviewers. */
    public List<CurrentUser> findWithRole(PlatformRole role) {
        return jdbc.query("SELECT " + COLUMNS + " FROM platform.users WHERE ? = ANY (string_to_array(platform_roles, ','))"
                + " ORDER BY username", UserDirectory::map, role.name());
    }

    /** Remembers the language a person chose in the portal, for the mails they are sent. */
    public void recordLocale(UUID id, String locale) {
        jdbc.update("UPDATE platform.users SET locale = ? WHERE id = ? AND locale IS DISTINCT FROM ?", locale, id, locale);
        recent.values().removeIf(r -> r.user().id().equals(id));
    }

    public Optional<CurrentUser> findById(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM platform.users WHERE id = ?", UserDirectory::map, id)
                .stream().findFirst();
    }

    public List<CurrentUser> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM platform.users ORDER BY username", UserDirectory::map);
    }

    private static String encode(Set<PlatformRole> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static CurrentUser map(ResultSet rs, int row) throws SQLException {
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        Arrays.stream(rs.getString(8).split(",")).filter(s -> !s.isBlank()).map(PlatformRole::valueOf).forEach(roles::add);
        return new CurrentUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), roles);
    }

    private record Recorded(Identity identity, CurrentUser user, Instant at) {
    }
}
