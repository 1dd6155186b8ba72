package eu.enclave.platform.testing;

import eu.enclave.platform.postgres.PlatformMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Fresh, isolated PostgreSQL databases for tests: each {@link #create()} makes a new database with a unique
 * name, so tests never see each other's rows and need no cleanup between them.
 *
 * <p>The databases live on one server per JVM: the server named by the environment variable
 * {@value #URL_VARIABLE} when it is set (a JDBC URL carrying {@code user} and {@code password} of a role
 * allowed to create databases, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=enclave&password=...}),
 * otherwise an embedded PostgreSQL (real binaries, started once, on loopback, removed at JVM exit).
 * Any other server, such as a Testcontainers one, can be used through {@link #server(String, String, String)}.
 */
public final class TestDatabases {

    public static final String URL_VARIABLE = "ENCLAVE_TEST_DATABASE_URL";

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private TestDatabases() {
    }

    /** A new empty database on this JVM's test server. */
    public static TestDatabase create() {
        return shared().create();
    }

    /** A new database on this JVM's test server, with the platform schema (audit trail, users) migrated. */
    public static TestDatabase createMigrated() {
        return shared().createMigrated();
    }

    /** Runs the platform migrations ({@link PlatformMigrations}) on {@code dataSource}. */
    public static void migratePlatform(DataSource dataSource) {
        PlatformMigrations.platform(Flyway.configure().dataSource(dataSource)).migrate();
    }

    /** Runs the platform migrations, then a service's own ({@code classpath:db/migration}), as the services do. */
    public static void migrateService(DataSource dataSource, String... serviceLocations) {
        new PlatformMigrations().migrate(Flyway.configure().dataSource(dataSource).locations(serviceLocations).load());
    }

    /** This JVM's test server: {@value #URL_VARIABLE} when set, otherwise the embedded one, started on first use. */
    public static Server shared() {
        return Shared.SERVER;
    }

    /**
     * Any PostgreSQL server, reached through one of its databases ({@code adminJdbcUrl}) as a role that may
     * create databases.
     */
    public static Server server(String adminJdbcUrl, String user, String password) {
        return new Server(adminJdbcUrl, user, password, false);
    }

    /** Where test databases are created, and how. */
    public static final class Server {

        private final String adminUrl;
        private final String user;
        private final String password;
        private final boolean embedded;
        private final Set<String> open = ConcurrentHashMap.newKeySet();

        private Server(String adminUrl, String user, String password, boolean embedded) {
            Matcher url = JDBC_URL.matcher(adminUrl);
            if (!url.matches()) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db?...): "
                        + redact(adminUrl));
            }
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
            this.embedded = embedded;
            if (!embedded) {
                Runtime.getRuntime().addShutdownHook(new Thread(this::dropLeftovers, "test-databases-cleanup"));
            }
        }

        public TestDatabase create() {
            String name = "enclave_test_" + UUID.randomUUID().toString().replace("-", "");
            admin("CREATE DATABASE " + name);
            open.add(name);
            return new TestDatabase(this, name, urlOf(name), user, password);
        }

        public TestDatabase createMigrated() {
            TestDatabase database = create();
            migratePlatform(database.dataSource());
            return database;
        }

        /** Runs one statement on the server's admin database, e.g. {@code ALTER SYSTEM} or {@code CREATE ROLE}. */
        public void admin(String sql) {
            try (Connection c = connect(adminUrl); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("on the test PostgreSQL server (" + describe() + "): " + sql
                        + ": " + e.getMessage(), e);
            }
        }

        public boolean embedded() {
            return embedded;
        }

        /** Where the server is, without its password. */
        public String describe() {
            return (embedded ? "embedded, " : "") + redact(adminUrl);
        }

        void drop(String name) {
            if (open.remove(name)) {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }

        private void dropLeftovers() {
            for (String name : Set.copyOf(open)) {
                try {
                    drop(name);
                } catch (RuntimeException e) {
                    // best effort at JVM exit: the server may already be gone
                }
            }
        }

        private String urlOf(String database) {
            Matcher url = JDBC_URL.matcher(adminUrl);
            url.matches();
            StringBuilder query = new StringBuilder();
            if (url.group(3) != null) {
                for (String param : url.group(3).substring(1).split("&")) {
                    String key = param.split("=", 2)[0];
                    if (!param.isEmpty() && !key.equals("user") && !key.equals("password")) {
                        query.append(query.isEmpty() ? "?" : "&").append(param);
                    }
                }
            }
            return url.group(1) + database + query;
        }

        private Connection connect(String url) throws SQLException {
            Properties credentials = new Properties();
            if (user != null) {
                credentials.setProperty("user", user);
            }
            if (password != null) {
                credentials.setProperty("password", password);
            }
            return DriverManager.getConnection(url, credentials);
        }
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** Holder idiom: the server starts on first use, once per JVM, thread-safely. */
    private static final class Shared {

        static final Server SERVER = start();

        private static Server start() {
            String url = System.getenv(URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                Map<String, String> params = queryParameters(url);
                return new Server(url, params.get("user"), params.get("password"), false);
            }
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        // as in production: a commit returns once it is on disk (zonky turns both off by default)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .start();
                return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, true);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for tests; set "
                        + URL_VARIABLE + " to use another server", e);
            }
        }

        private static Map<String, String> queryParameters(String url) {
            Map<String, String> params = new LinkedHashMap<>();
            int query = url.indexOf('?');
            if (query >= 0) {
                for (String param : url.substring(query + 1).split("&")) {
                    String[] kv = param.split("=", 2);
                    params.put(kv[0], kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            return params;
        }
    }
}
