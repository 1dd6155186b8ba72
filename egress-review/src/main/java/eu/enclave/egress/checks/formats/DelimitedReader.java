package eu.enclave.egress.checks.formats;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.Unreadable;
import eu.enclave.egress.checks.table.TableScan;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;

/**
 * CSV and TSV through FastCSV, in the dialect sniffed from the first lines (delimiter, encoding with or without
 * BOM, decimal comma); quoted fields over several lines, ragged rows and fields up to the line limit are read, a
 * longer field stops the reader ({@code review}).
 */
public final class DelimitedReader implements FormatReader {

    @Override
    public void read(FileInput input, FileRun run) throws IOException {
        CsvDialect dialect = CsvDialect.sniff(input.head());
        if (dialect == null) {
            dialect = new CsvDialect(',', TextEncoding.of(input.head()).charset(), TextEncoding.of(input.head()).bom(),
                    false);
        }
        TableScan scan = new TableScan(run, null, null, null, dialect.decimalComma());
        try (InputStream in = input.open()) {
            in.skipNBytes(dialect.bom());
            Reader reader = new InputStreamReader(in, dialect.charset());
            try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(dialect.delimiter())
                    .quoteCharacter('"').skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true)
                    .allowExtraCharsAfterClosingQuote(true).detectBomHeader(false)
                    .maxBufferSize(run.limits().maxLineChars()).ofCsvRecord(reader)) {
                String[] cells = new String[16];
                for (CsvRecord record : csv) {
                    int n = record.getFieldCount();
                    if (cells.length < n) {
                        cells = new String[Math.max(n, cells.length * 2)];
                    }
                    for (int i = 0; i < n; i++) {
                        cells[i] = record.getField(i);
                    }
                    scan.accept(cells, n, record.getStartingLineNumber(), false, null);
                }
            } catch (CsvParseException e) {
                throw new Unreadable("the delimited text could not be parsed (" + e.getMessage() + ")",
                        "le texte délimité n'a pas pu être analysé (" + e.getMessage() + ")");
            }
        } finally {
            scan.end();
        }
    }
}
