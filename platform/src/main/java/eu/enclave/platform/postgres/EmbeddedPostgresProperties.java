package eu.enclave.platform.postgres;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL server started when no {@code spring.datasource.url} is given.
 *
 * @param dataDirectory where the cluster lives; empty means a temporary directory removed at stop
 * @param port TCP port on loopback; 0 picks a free one
 */
@ConfigurationProperties("enclave.embedded-postgres")
public record EmbeddedPostgresProperties(String dataDirectory, int port) {
}
