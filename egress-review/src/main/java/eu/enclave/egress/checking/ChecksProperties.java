package eu.enclave.egress.checking;

import eu.enclave.egress.checks.engine.EngineLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The checks engine's settings (docs/configuration.md, "Disclosure checks"); limits left out keep the engine's
 * defaults ({@link EngineLimits#DEFAULT}).
 *
 * @param identifierKey     base64 key of the digest of identifiers found in outputs (at least 16 bytes); empty in
 *                          demo mode generates one at startup, and production refuses to start without one
 * @param identifierKeyFile a file holding that key (a mounted Secret), instead of {@code identifierKey}
 */
@ConfigurationProperties("enclave.checks")
public record ChecksProperties(String identifierKey, Path identifierKeyFile, Duration fileTime, DataSize maxFileSize,
                               Integer maxLineChars, Integer maxArchiveMembers, DataSize maxExpandedSize,
                               Integer maxExpansionRatio, Integer maxPdfPages, Long maxSpreadsheetCells,
                               Long maxSharedStringChars, Integer maxTableCellsInMemory, Integer maxFindingsPerRule,
                               Integer maxJsonDepth, Path tempDirectory) {

    public EngineLimits limits() {
        EngineLimits d = EngineLimits.DEFAULT;
        return new EngineLimits(fileTime != null ? fileTime : d.fileTime(),
                maxFileSize != null ? maxFileSize.toBytes() : d.maxFileBytes(),
                maxLineChars != null ? maxLineChars : d.maxLineChars(),
                maxArchiveMembers != null ? maxArchiveMembers : d.maxArchiveMembers(),
                maxExpandedSize != null ? maxExpandedSize.toBytes() : d.maxExpandedBytes(),
                maxExpansionRatio != null ? maxExpansionRatio : d.maxExpansionRatio(),
                maxPdfPages != null ? maxPdfPages : d.maxPdfPages(),
                maxSpreadsheetCells != null ? maxSpreadsheetCells : d.maxSpreadsheetCells(),
                maxSharedStringChars != null ? maxSharedStringChars : d.maxSharedStringChars(),
                maxTableCellsInMemory != null ? maxTableCellsInMemory : d.maxTableCellsInMemory(),
                maxFindingsPerRule != null ? maxFindingsPerRule : d.maxFindingsPerRule(),
                maxJsonDepth != null ? maxJsonDepth : d.maxJsonDepth(),
                tempDirectory != null ? tempDirectory : d.tempDirectory());
    }
}
