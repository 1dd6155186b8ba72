package eu.enclave.platform.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One database made for a test by {@link TestDatabases}, with a small connection pool. Closing it closes
 * the pool and drops the database.
 */
public final class TestDatabase implements AutoCloseable {

    private final TestDatabases.Server server;
    private final String name;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private HikariDataSource dataSource;

    TestDatabase(TestDatabases.Server server, String name, String jdbcUrl, String username, String password) {
        this.server = server;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    public String name() {
        return name;
    }

    /** The database's URL, without credentials: see {@link #username()} and {@link #password()}. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** A pooled data source (up to 20 connections, none kept idle), created on first use. */
    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(jdbcUrl);
            pool.setUsername(username);
            pool.setPassword(password);
            pool.setPoolName(name);
            pool.setMaximumPoolSize(20);
            pool.setMinimumIdle(0);
            dataSource = pool;
        }
        return dataSource;
    }

    /** Settings that point a Spring Boot application at this database, e.g. for {@code @DynamicPropertySource}. */
    public Map<String, String> springProperties() {
        return Map.of("spring.datasource.url", jdbcUrl,
                "spring.datasource.username", username == null ? "" : username,
                "spring.datasource.password", password == null ? "" : password);
    }

    /** Runs the platform migrations on this database and returns it. */
    public TestDatabase migratePlatform() {
        TestDatabases.migratePlatform(dataSource());
        return this;
    }

    @Override
    public synchronized void close() {
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
        server.drop(name);
    }

    @Override
    public String toString() {
        return name + " on " + server.describe();
    }
}
