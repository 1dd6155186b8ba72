package eu.enclave.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class TestDatabasesTest {

    @Test
    void eachDatabaseIsNewAndIsolated() {
        try (TestDatabase a = TestDatabases.create(); TestDatabase b = TestDatabases.create()) {
            assertThat(a.name()).isNotEqualTo(b.name());
            new JdbcTemplate(a.dataSource()).execute("CREATE TABLE only_in_a (x int)");
            Integer inB = new JdbcTemplate(b.dataSource()).queryForObject(
                    "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'", Integer.class);
            assertThat(inB).isZero();
            assertThat(new JdbcTemplate(a.dataSource()).queryForObject("SELECT current_database()", String.class))
                    .isEqualTo(a.name());
        }
    }

    @Test
    void platformMigrationsCreateTheAuditTrailAndUsers() {
        try (TestDatabase db = TestDatabases.createMigrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            assertThat(jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'platform'", String.class))
                    .contains("audit_log", "users", "platform_schema_history");
        }
    }

    @Test
    void closingDropsTheDatabase() {
        TestDatabase db = TestDatabases.create();
        new JdbcTemplate(db.dataSource()).execute("SELECT 1");
        db.close();
        try (TestDatabase other = TestDatabases.create()) {
            Integer left = new JdbcTemplate(other.dataSource()).queryForObject(
                    "SELECT count(*) FROM pg_database WHERE datname = ?", Integer.class, db.name());
            assertThat(left).isZero();
        }
    }

    @Test
    void theEmbeddedServerCommitsDurablyAsProductionDoes() {
        try (TestDatabase db = TestDatabases.create()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        }
    }

    @Test
    void springPropertiesPointAtTheDatabaseWithoutCredentialsInTheUrl() {
        TestDatabases.Server server = TestDatabases.server(
                "jdbc:postgresql://db.example:5433/postgres?user=ci&password=s3cret&sslmode=require", "ci", "s3cret");
        assertThat(server.describe()).doesNotContain("s3cret").contains("password=***");
        assertThatThrownBy(() -> TestDatabases.server("jdbc:mysql://x/y", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
