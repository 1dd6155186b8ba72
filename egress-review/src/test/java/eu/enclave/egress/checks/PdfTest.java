package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.rules.PdfHiddenContentRule;
import eu.enclave.egress.checks.rules.PdfTablesRule;
import eu.enclave.egress.checks.rules.SmallCountRule;
import eu.enclave.egress.checks.rules.UnreadableRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;

class PdfTest {

    private final Checks checks = Checks.engine();

    @Test
    void smallCountsOnlyOnPageThreeFailThere() throws IOException {
        byte[] pdf = pdf(List.of(
                List.of("Rapport d'analyse", "Introduction sans chiffres."),
                List.of("Méthodes", "Les données couvrent la période étudiée."),
                List.of("Tableau 1", "Région Effectif", "Nord 7", "Sud 120", "Est 45")), null, false);
        FileCheckResult result = checks.one("rapport.pdf", pdf);
        assertThat(result.detectedType()).isEqualTo("pdf");
        assertThat(Checks.of(result, SmallCountRule.ID)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(f.location().page()).isEqualTo(3);
            assertThat(f.location().column()).isEqualTo("Effectif");
            assertThat(f.maskedValue()).isEqualTo("7");
        });
        Checks.assertNoFindings(result, PdfTablesRule.ID);
    }

    @Test
    void figuresOutsideATableAreTablesNotParsed() throws IOException {
        byte[] pdf = pdf(List.of(List.of("Entre 2019 et 2021, 12 patients sur 340 ont eu 3 séjours.")), null, false);
        FileCheckResult result = checks.one("note.pdf", pdf);
        assertThat(Checks.of(result, PdfTablesRule.ID)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(CheckStatus.REVIEW);
            assertThat(f.messageEn()).startsWith("Tables not parsed");
            assertThat(f.location().page()).isEqualTo(1);
        });
    }

    @Test
    void anEncryptedPdfCannotBeChecked() throws IOException {
        byte[] pdf = pdf(List.of(List.of("Secret")), "motdepasse", false);
        FileCheckResult result = checks.one("chiffre.pdf", pdf);
        assertThat(result.status()).isEqualTo(CheckStatus.REVIEW);
        assertThat(Checks.of(result, UnreadableRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("encrypted"));
    }

    @Test
    void javascriptAndInvisibleTextAreReported() throws IOException {
        byte[] pdf = pdf(List.of(List.of("Visible")), null, true);
        FileCheckResult result = checks.one("actif.pdf", pdf);
        assertThat(Checks.of(result, PdfHiddenContentRule.ID)).extracting(Finding::messageEn)
                .anySatisfy(m -> assertThat(m).startsWith("JavaScript"))
                .anySatisfy(m -> assertThat(m).startsWith("Invisible text"));
        // the invisible text was checked like the rest
        assertThat(Checks.of(result, "identifier.email")).hasSize(1);
    }

    @Test
    void anIncrementalSaveIsAnEarlierRevision() throws IOException {
        byte[] pdf = pdf(List.of(List.of("Version 1")), null, false);
        byte[] twice;
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            out.write(pdf);
            document.getDocumentInformation().setTitle("v2");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
            twice = out.toByteArray();
        }
        FileCheckResult result = checks.one("revise.pdf", twice);
        assertThat(Checks.of(result, PdfHiddenContentRule.ID)).extracting(Finding::messageEn)
                .anySatisfy(m -> assertThat(m).startsWith("Incremental revisions"));
    }

    static byte[] pdf(List<List<String>> pages, String password, boolean active) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, 720);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLineAtOffset(0, -18);
                    }
                    if (active) {
                        content.setRenderingMode(RenderingMode.NEITHER);
                        content.showText("cache: marie.martin@exemple.fr");
                    }
                    content.endText();
                }
            }
            if (active) {
                document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x')"));
            }
            if (password != null) {
                StandardProtectionPolicy protection = new StandardProtectionPolicy("owner", password,
                        new AccessPermission());
                protection.setEncryptionKeyLength(128);
                document.protect(protection);
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
