package eu.enclave.egress.checks.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every reader is held to, so that no file can hang or exhaust the service (documented in docs/checks.md,
 * set through {@code enclave.checks.*}). Going past one gives the file {@code review} with the limit named.
 *
 * @param fileTime            wall time for one file, archive members included
 * @param maxFileBytes        largest file (or archive member) read at all
 * @param maxLineChars        longest text line or CSV field kept whole; longer ones are checked in pieces
 * @param maxArchiveMembers   members of one archive
 * @param maxExpandedBytes    bytes an archive (or a spreadsheet's zip) may expand to, in total
 * @param maxExpansionRatio   expanded bytes per compressed byte, per archive and per member
 * @param maxPdfPages         pages of a PDF read
 * @param maxSpreadsheetCells cells of a workbook read (every sheet together)
 * @param maxSharedStringChars characters of an XLSX shared-string table held in memory
 * @param maxTableCellsInMemory cells of one table kept for the whole-table rules (margins, earlier releases)
 * @param maxFindingsPerRule  findings kept per rule and file; the rest are counted in one summary finding
 * @param maxJsonDepth        nesting of a JSON document
 * @param tempDirectory       where members and spreadsheets are spooled to be read at random (null: the system's)
 */
public record EngineLimits(Duration fileTime, long maxFileBytes, int maxLineChars, int maxArchiveMembers,
                           long maxExpandedBytes, int maxExpansionRatio, int maxPdfPages, long maxSpreadsheetCells,
                           long maxSharedStringChars, int maxTableCellsInMemory, int maxFindingsPerRule,
                           int maxJsonDepth, Path tempDirectory) {

    public static final EngineLimits DEFAULT = new EngineLimits(Duration.ofMinutes(5), 8L << 30, 1 << 20, 10_000,
            8L << 30, 200, 2_000, 50_000_000L, 32_000_000L, 250_000, 50, 200, null);

    public EngineLimits withFileTime(Duration time) {
        return new EngineLimits(time, maxFileBytes, maxLineChars, maxArchiveMembers, maxExpandedBytes,
                maxExpansionRatio, maxPdfPages, maxSpreadsheetCells, maxSharedStringChars, maxTableCellsInMemory,
                maxFindingsPerRule, maxJsonDepth, tempDirectory);
    }

    public EngineLimits withArchive(int members, long expandedBytes, int ratio) {
        return new EngineLimits(fileTime, maxFileBytes, maxLineChars, members, expandedBytes, ratio, maxPdfPages,
                maxSpreadsheetCells, maxSharedStringChars, maxTableCellsInMemory, maxFindingsPerRule, maxJsonDepth,
                tempDirectory);
    }

    public EngineLimits withPdfPages(int pages) {
        return new EngineLimits(fileTime, maxFileBytes, maxLineChars, maxArchiveMembers, maxExpandedBytes,
                maxExpansionRatio, pages, maxSpreadsheetCells, maxSharedStringChars, maxTableCellsInMemory,
                maxFindingsPerRule, maxJsonDepth, tempDirectory);
    }
}
