package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.rules.FormulaRule;
import eu.enclave.egress.checks.rules.SmallCountRule;
import eu.enclave.egress.checks.rules.SpreadsheetHiddenContentRule;
import eu.enclave.egress.checks.rules.UnreadableRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetTest {

    private final Checks checks = Checks.engine();

    @Test
    void aHiddenSheetWithSmallCountsFails() throws IOException {
        byte[] xlsx = workbook();
        FileCheckResult result = checks.one("resultats.xlsx", xlsx);
        assertThat(result.detectedType()).isEqualTo("xlsx");
        assertThat(Checks.of(result, SmallCountRule.ID)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(f.location().sheet()).isEqualTo("brut");
            assertThat(f.location().column()).isEqualTo("effectif");
            assertThat(f.maskedValue()).isEqualTo("3");
        });
        assertThat(Checks.of(result, SpreadsheetHiddenContentRule.ID)).extracting(Finding::maskedValue)
                .anySatisfy(v -> assertThat(v).startsWith("brut"))
                .anySatisfy(v -> assertThat(v).contains("comments"))
                .anySatisfy(v -> assertThat(v).startsWith("zone_secrete"));
        assertThat(Checks.of(result, FormulaRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.location().sheet()).isEqualTo("synthese"));
        assertThat(Checks.of(result, "identifier.email")).hasSize(1); // the comment's text
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aTruncatedWorkbookIsReviewWithTheReason() throws IOException {
        byte[] xlsx = workbook();
        FileCheckResult result = checks.one("resultats.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2));
        assertThat(result.status()).isEqualTo(CheckStatus.REVIEW);
        assertThat(Checks.of(result, UnreadableRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("truncated or damaged"));
    }

    @Test
    void anOdsHiddenTableIsReadToo() throws IOException {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
                + "<office:automatic-styles><style:style style:name=\"ta2\" style:family=\"table\">"
                + "<style:table-properties table:display=\"false\"/></style:style></office:automatic-styles>"
                + "<office:body><office:spreadsheet>"
                + "<table:table table:name=\"Visible\"><table:table-row><table:table-cell><text:p>a</text:p>"
                + "</table:table-cell></table:table-row></table:table>"
                + "<table:table table:name=\"Cachee\" table:style-name=\"ta2\">"
                + "<table:table-row><table:table-cell><text:p>groupe</text:p></table:table-cell>"
                + "<table:table-cell><text:p>n</text:p></table:table-cell></table:table-row>"
                + "<table:table-row><table:table-cell><text:p>A</text:p></table:table-cell>"
                + "<table:table-cell office:value-type=\"float\" office:value=\"2\"><text:p>2</text:p>"
                + "</table:table-cell></table:table-row>"
                + "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell "
                + "table:number-columns-repeated=\"1024\"/></table:table-row>"
                + "</table:table></office:spreadsheet></office:body></office:document-content>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] type = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("Basic/Standard/Module1.xml"));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        }
        FileCheckResult result = checks.one("t.ods", out.toByteArray());
        assertThat(result.detectedType()).isEqualTo("ods");
        assertThat(Checks.of(result, SmallCountRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.location().sheet()).isEqualTo("Cachee"));
        assertThat(Checks.of(result, SpreadsheetHiddenContentRule.ID)).extracting(Finding::maskedValue)
                .contains("Cachee", "Basic/Standard/Module1.xml");
    }

    @Test
    void aWorkbookDeclaringADoctypeIsNeverResolved() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>"
                    + "<workbook>&x;</workbook>").getBytes(StandardCharsets.UTF_8));
        }
        FileCheckResult result = checks.one("t.xlsx", out.toByteArray());
        assertThat(result.status()).isEqualTo(CheckStatus.REVIEW);
        assertThat(Checks.of(result, UnreadableRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("DOCTYPE"));
    }

    static byte[] workbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet visible = workbook.createSheet("synthese");
            Row header = visible.createRow(0);
            header.createCell(0).setCellValue("région");
            header.createCell(1).setCellValue("effectif");
            Row nord = visible.createRow(1);
            nord.createCell(0).setCellValue("Nord");
            nord.createCell(1).setCellFormula("20+30");
            Drawing<?> drawing = visible.createDrawingPatriarch();
            ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(workbook.getCreationHelper().createRichTextString("voir jean.dupont@chu.fr"));
            nord.getCell(0).setCellComment(comment);
            Sheet hidden = workbook.createSheet("brut");
            Row h = hidden.createRow(0);
            h.createCell(0).setCellValue("commune");
            h.createCell(1).setCellValue("effectif");
            Row r = hidden.createRow(1);
            r.createCell(0).setCellValue("Lyon");
            r.createCell(1).setCellValue(3);
            Row r2 = hidden.createRow(2);
            r2.createCell(0).setCellValue("Paris");
            r2.createCell(1).setCellValue(300);
            workbook.setSheetVisibility(1, SheetVisibility.HIDDEN);
            Name name = workbook.createName();
            name.setNameName("zone_secrete");
            name.setRefersToFormula("brut!$A$1:$B$3");
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
