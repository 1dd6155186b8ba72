package eu.enclave.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.platform.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The platform migrations and the tamper checks on the official {@code postgres:17} image, wherever a
 * Docker engine exists; skipped (not failed) without one.
 */
@Testcontainers(disabledWithoutDocker = true)
class AuditTamperContainerTest extends AuditTamperChecks {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17");

    @Override
    TestDatabases.Server server() {
        // the image's user is a superuser: it creates a database per check, as on any other server
        return TestDatabases.server(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword());
    }

    @Test
    void runsOnTheImagesMajorVersion() {
        assertThat(audit.jdbc.queryForObject("SHOW server_version_num", Integer.class)).isBetween(170000, 179999);
    }
}
