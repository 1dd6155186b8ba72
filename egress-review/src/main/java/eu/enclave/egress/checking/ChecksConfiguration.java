package eu.enclave.egress.checking;

import eu.enclave.egress.checks.ChecksEngine;
import eu.enclave.egress.checks.OutputChecker;
import eu.enclave.egress.checks.engine.IdentifierDigest;
import eu.enclave.egress.checks.engine.Ticker;
import eu.enclave.egress.checks.history.ProjectDatasets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.logging.Logger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the checks engine (a library with no Spring of its own) as egress-review's {@link OutputChecker}, with its
 * limits from {@code enclave.checks.*}, the earlier-tables index in PostgreSQL, and the project's datasets from the
 * orchestrator.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChecksProperties.class)
@EnableScheduling
public class ChecksConfiguration {

    private static final Logger LOG = Logger.getLogger(ChecksConfiguration.class.getName());

    @Bean
    JdbcTableHistory checksTableHistory(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcTableHistory(jdbc, transactions);
    }

    @Bean
    TableHistoryListener checksTableHistoryListener(JdbcTableHistory history) {
        return new TableHistoryListener(history);
    }

    @Bean
    @ConditionalOnMissingBean(ProjectDatasets.class)
    ProjectDatasets checksProjectDatasets(
            @Value("${enclave.orchestrator.internal-url:http://localhost:8083}") URI internalUrl,
            @Value("${enclave.orchestrator.credential-file:}") String credentialFile) {
        return new OrchestratorDatasets(internalUrl, credentialFile.isBlank() ? null : Path.of(credentialFile),
                Clock.systemUTC());
    }

    @Bean
    OutputChecker outputChecker(ChecksProperties properties, JdbcTableHistory history, ProjectDatasets datasets,
                                @Value("${enclave.demo.enabled:false}") boolean demo) {
        return new ChecksEngine(properties.limits(), new IdentifierDigest(key(properties, demo)), history, datasets,
                Ticker.SYSTEM);
    }

    static byte[] key(ChecksProperties properties, boolean demo) {
        String text = properties.identifierKey();
        if (properties.identifierKeyFile() != null) {
            try {
                text = Files.readString(properties.identifierKeyFile()).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("enclave.checks.identifier-key-file cannot be read", e);
            }
        }
        if (text == null || text.isBlank()) {
            if (!demo) {
                throw new IllegalStateException("enclave.checks.identifier-key (or -key-file) is required outside demo "
                        + "mode: the digest of identifiers found in outputs needs a stable secret key");
            }
            LOG.warning("demo mode: a random identifier digest key was generated; digests change at each restart");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        }
        byte[] key = Base64.getDecoder().decode(text.strip());
        if (key.length < 16) {
            throw new IllegalStateException("enclave.checks.identifier-key must decode to at least 16 bytes");
        }
        return key;
    }
}
