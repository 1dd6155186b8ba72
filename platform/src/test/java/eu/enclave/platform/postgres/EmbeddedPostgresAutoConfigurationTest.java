package eu.enclave.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

class EmbeddedPostgresAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class));

    @Test
    void commitsAreDurableSoThatAcknowledgedAuditEntriesSurviveACrash(@TempDir Path data) {
        context.withPropertyValues("enclave.embedded-postgres.data-directory=" + data.resolve("pg")).run(ctx -> {
            JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW data_directory", String.class)).startsWith(data.toString());
        });
    }

    @Test
    void aConfiguredDatabaseUrlMeansNoEmbeddedServer() {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.invalid/enclave")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(DataSource.class));
    }
}
