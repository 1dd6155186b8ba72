package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.rules.ArchiveMemberRule;
import eu.enclave.egress.checks.rules.SmallCountRule;
import eu.enclave.egress.checks.rules.UnreadableRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class ArchiveTest {

    private final Checks checks = Checks.engine();

    @Test
    void membersAreCheckedOneByOneAndLocated() throws IOException {
        byte[] zip = zip(new String[][] {{"tables/a.csv", "région,n\nNord,4\nSud,40\n"},
                {"notes.txt", "rien à signaler"}, {"../evasion.txt", "x"}, {"inner.zip", null}});
        FileCheckResult result = checks.one("sorties.zip", zip);
        assertThat(result.detectedType()).isEqualTo("zip");
        assertThat(Checks.of(result, SmallCountRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.location().member()).isEqualTo("tables/a.csv"));
        assertThat(Checks.of(result, ArchiveMemberRule.ID)).extracting(Finding::status, Finding::maskedValue)
                .contains(org.assertj.core.groups.Tuple.tuple(CheckStatus.FAIL, "../evasion.txt"),
                        org.assertj.core.groups.Tuple.tuple(CheckStatus.REVIEW, "inner.zip"));
        assertThat(result.rulesRun()).contains(SmallCountRule.ID, ArchiveMemberRule.ID);
    }

    @Test
    void aTarGzIsReadThroughItsMembers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            byte[] csv = "groupe;effectif\nA;2\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("out/t.csv");
            entry.setSize(csv.length);
            tar.putArchiveEntry(entry);
            tar.write(csv);
            tar.closeArchiveEntry();
            TarArchiveEntry absolute = new TarArchiveEntry("/etc/passwd", true);
            absolute.setSize(1);
            tar.putArchiveEntry(absolute);
            tar.write('x');
            tar.closeArchiveEntry();
        }
        FileCheckResult result = checks.one("out.tar.gz", out.toByteArray());
        assertThat(result.detectedType()).isEqualTo("gzip");
        assertThat(Checks.of(result, SmallCountRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.location().member()).isEqualTo("out/t.csv"));
        assertThat(Checks.of(result, ArchiveMemberRule.ID)).extracting(Finding::maskedValue).contains("/etc/passwd");
    }

    @Test
    void aZipBombIsRefusedWhileReading() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(block);
            }
        }
        assertThat(out.size()).isLessThan(200_000);
        FileCheckResult result = checks.one("bombe.zip", out.toByteArray());
        assertThat(result.status()).isEqualTo(CheckStatus.REVIEW);
        assertThat(Checks.of(result, UnreadableRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("archive bomb"));
    }

    @Test
    void aHundredThousandMembersGoPastTheMemberLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.NO_COMPRESSION);
            for (int i = 0; i < 100_000; i++) {
                zip.putNextEntry(new ZipEntry("m" + i));
                zip.closeEntry();
            }
        }
        FileCheckResult result = checks.one("many.zip", out.toByteArray());
        assertThat(result.status()).isEqualTo(CheckStatus.REVIEW);
        assertThat(Checks.of(result, UnreadableRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("more than 10000 members"));
    }

    static byte[] zip(String[][] members) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String[] member : members) {
                zip.putNextEntry(new ZipEntry(member[0]));
                zip.write(member[1] != null ? member[1].getBytes(StandardCharsets.UTF_8)
                        : zipOf("x.txt", "inside"));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] zipOf(String name, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
