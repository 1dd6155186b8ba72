package eu.enclave.platform.postgres;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the shared tables (audit trail, users) into their own schema with their own history,
 * then the service's own migrations, so that neither version sequence constrains the other.
 */
public final class PlatformMigrations implements FlywayMigrationStrategy {

    public static final String SCHEMA = "platform";

    @Override
    public void migrate(Flyway serviceFlyway) {
        platform(serviceFlyway.getConfiguration()).migrate();
        serviceFlyway.migrate();
    }

    /** The platform schema's own Flyway, on the connection (and other settings) of {@code base}. */
    public static Flyway platform(Configuration base) {
        return Flyway.configure()
                .configuration(base)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .table("platform_schema_history")
                .locations("classpath:db/platform")
                .load();
    }
}
