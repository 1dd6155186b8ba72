package eu.enclave.egress.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eu.enclave.egress.checks.CheckedFile;
import eu.enclave.egress.checks.ChecksEngine;
import eu.enclave.egress.checks.FileCheckResult;
import eu.enclave.egress.checks.engine.EngineLimits;
import eu.enclave.egress.checks.engine.IdentifierDigest;
import eu.enclave.egress.checks.engine.Ticker;
import eu.enclave.egress.checks.history.TableHistory;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The checks engine's throughput (docs/benchmarks.md, section g): the table and identifier rules on a generated
 * CSV, single thread, beside merely reading the same file with FastCSV in the same run; then a generated XLSX and
 * a generated PDF, each checked once. Prints MB/s, the heap growth over the run's baseline (sampled every 20 ms) and
 * the findings. Options: {@code -Dbench.csvBytes} (default 2 GiB), {@code -Dbench.xlsxRows} (default 1,000,000,
 * about 50 MB), {@code -Dbench.pdfPages} (200), {@code -Dbench.dir} (where files are generated; default a temporary
 * folder, removed at the end).
 */
public final class ChecksBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ChecksBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long csvBytes = Long.getLong("bench.csvBytes", 2L << 30);
        int xlsxRows = Integer.getInteger("bench.xlsxRows", 1_000_000);
        int pdfPages = Integer.getInteger("bench.pdfPages", 200);
        Path dir = System.getProperty("bench.dir") == null ? Files.createTempDirectory("checks-bench")
                : Files.createDirectories(Path.of(System.getProperty("bench.dir")));
        System.out.printf("machine: %d cores, max heap %d MiB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        ChecksEngine engine = new ChecksEngine(EngineLimits.DEFAULT.withFileTime(Duration.ofHours(1)),
                new IdentifierDigest(new byte[32]), TableHistory.NONE, project -> Set.of("bench"), Ticker.SYSTEM);
        try {
            Path csv = dir.resolve("table.csv");
            long t0 = System.nanoTime();
            writeCsv(csv, csvBytes);
            System.out.printf("generated %s: %,d bytes in %.1f s%n", csv.getFileName(), Files.size(csv),
                    (System.nanoTime() - t0) / 1e9);
            measure("read only (FastCSV, same dialect)", Files.size(csv), () -> readOnly(csv));
            measure("table + identifier rules (whole engine)", Files.size(csv), () -> check(engine, csv));
            measure("read only, again", Files.size(csv), () -> readOnly(csv));
            measure("table + identifier rules, again", Files.size(csv), () -> check(engine, csv));
            Files.delete(csv);

            Path xlsx = dir.resolve("table.xlsx");
            writeXlsx(xlsx, xlsxRows);
            System.out.printf("generated %s: %,d bytes (%,d rows)%n", xlsx.getFileName(), Files.size(xlsx), xlsxRows);
            measure("XLSX", Files.size(xlsx), () -> check(engine, xlsx));
            Files.delete(xlsx);

            Path pdf = dir.resolve("report.pdf");
            writePdf(pdf, pdfPages);
            System.out.printf("generated %s: %,d bytes (%d pages)%n", pdf.getFileName(), Files.size(pdf), pdfPages);
            measure("PDF", Files.size(pdf), () -> check(engine, pdf));
            Files.delete(pdf);
        } finally {
            if (System.getProperty("bench.dir") == null) {
                Files.deleteIfExists(dir);
            }
        }
    }

    interface Work {
        String run() throws Exception;
    }

    private static void measure(String what, long bytes, Work work) throws Exception {
        System.gc();
        long baseline = MEMORY.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        String outcome = work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf("%-42s %7.2f s  %8.1f MB/s  heap baseline %4d MiB, peak %4d MiB (+%d MiB)  %s%n", what,
                seconds, bytes / 1e6 / seconds, baseline >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20,
                outcome);
    }

    private static String readOnly(Path csv) throws IOException {
        long records = 0;
        long chars = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').ofCsvRecord(csv,
                StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                records++;
                for (int i = 0; i < record.getFieldCount(); i++) {
                    chars += record.getField(i).length();
                }
            }
        }
        return String.format("%,d records, %,d characters", records, chars);
    }

    private static String check(ChecksEngine engine, Path file) {
        CheckedFile checked = new CheckedFile("f", "g", file.getFileName().toString(), 0, false,
                () -> Files.newInputStream(file));
        Map<String, FileCheckResult> results = engine.check("bench", List.of(checked), DisclosurePolicy.DEFAULT,
                DisclosurePolicy.DEFAULT.hash());
        FileCheckResult result = results.get("f");
        Map<String, Long> byRule = new java.util.TreeMap<>();
        result.findings().forEach(f -> byRule.merge(f.ruleId(), 1L, Long::sum));
        return result.status() + " " + byRule;
    }

    /** A frequency table: region, sex, age group, year, count, and a free-text column (a few e-mails in it). */
    static void writeCsv(Path file, long bytes) throws IOException {
        Random random = new Random(42);
        String[] regions = {"Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
                "Corse", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine",
                "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur"};
        String[] notes = {"séjours programmés", "urgences", "ambulatoire", "hospitalisation complète", "",
                "transferts inter-établissements"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("région;sexe;classe_age;annee;effectif;commentaire\n");
            long written = 0;
            long row = 0;
            StringBuilder line = new StringBuilder(128);
            while (written < bytes) {
                line.setLength(0);
                row++;
                line.append(regions[random.nextInt(regions.length)]).append(';').append(random.nextBoolean() ? 'F' : 'H')
                        .append(';').append(random.nextInt(9) * 10).append('-').append(random.nextInt(9) * 10 + 9)
                        .append(';').append(2015 + random.nextInt(10)).append(';')
                        .append(random.nextInt(1000) == 0 ? random.nextInt(10) + 1 : 11 + random.nextInt(5000))
                        .append(';').append(row % 1_000_000 == 0 ? "contact jean.dupont@chu-exemple.fr"
                                : notes[random.nextInt(notes.length)]).append('\n');
                out.append(line);
                written += line.length() + 8;
            }
        }
    }

    static void writeXlsx(Path file, int rows) throws IOException {
        Random random = new Random(7);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(1000); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("données");
            Row header = sheet.createRow(0);
            String[] names = {"région", "sexe", "classe_age", "annee", "effectif", "commentaire"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("Région " + random.nextInt(13));
                row.createCell(1).setCellValue(random.nextBoolean() ? "F" : "H");
                row.createCell(2).setCellValue(random.nextInt(9) * 10 + "-" + (random.nextInt(9) * 10 + 9));
                row.createCell(3).setCellValue(2015 + random.nextInt(10));
                row.createCell(4).setCellValue(11 + random.nextInt(5000));
                row.createCell(5).setCellValue("séjour " + random.nextInt(1_000_000));
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    static void writePdf(Path file, int pages) throws IOException {
        Random random = new Random(3);
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.newLineAtOffset(60, 740);
                    content.showText("Tableau " + (p + 1) + " - sejours par region");
                    content.newLineAtOffset(0, -14);
                    content.showText("Region Hommes Femmes Total");
                    for (int r = 0; r < 40; r++) {
                        int h = 11 + random.nextInt(900);
                        int f = 11 + random.nextInt(900);
                        content.newLineAtOffset(0, -14);
                        content.showText("Region" + r + " " + h + " " + f + " " + (h + f));
                    }
                    content.endText();
                }
            }
            document.save(file.toFile());
        }
    }

}
