package eu.enclave.platform.postgres;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the shared tables (audit trail, users) into their own schema with their own history,
 * then the service's own migrations, so that neither version sequence constrains the other.
 */
public final class PlatformMigrations implements FlywayMigrationStrategy {

    public static final String SCHEMA = "platform";

    @Override
    public void migrate(Flyway serviceFlyway) {
        Flyway.configure()
                .configuration(serviceFlyway.getConfiguration())
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .table("platform_schema_history")
                .locations("classpath:db/platform")
                .load()
                .migrate();
        serviceFlyway.migrate();
    }
}
