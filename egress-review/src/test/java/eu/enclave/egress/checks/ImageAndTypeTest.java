package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.rules.ActiveContentRule;
import eu.enclave.egress.checks.rules.FileTypeRule;
import eu.enclave.egress.checks.rules.ImageMetadataRule;
import eu.enclave.egress.checks.rules.ImageReviewRule;
import eu.enclave.egress.checks.rules.UnreadableRule;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.disclosure.FileType;
import eu.enclave.platform.disclosure.ZeroRule;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageAndTypeTest {

    private final Checks checks = Checks.engine();

    @Test
    void aPlotNeedsAHumanLookUnlessThePolicyLetsPlotsPass() throws IOException {
        byte[] png = png();
        FileCheckResult result = checks.one("plot.png", png);
        assertThat(result.detectedType()).isEqualTo("png");
        assertThat(Checks.of(result, ImageReviewRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("human look"));
        DisclosurePolicy plots = new DisclosurePolicy(11, ZeroRule.REVIEW, 2, 90, 10, 10, FileType.UNDERSTOOD, true,
                List.of());
        assertThat(checks.policy(plots).one("plot.png", png).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void pngTextChunksAndTrailingBytesAreReported() throws IOException {
        byte[] png = png();
        byte[] chunk = chunk("tEXt", "Author\0Dr Jean Dupont, jean.dupont@chu.fr".getBytes(StandardCharsets.ISO_8859_1));
        // insert the text chunk right after IHDR (8 + 25 bytes), then add bytes after IEND
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        out.write(chunk);
        out.write(png, 33, png.length - 33);
        out.write("hidden payload".getBytes(StandardCharsets.US_ASCII));
        FileCheckResult result = checks.one("plot.png", out.toByteArray());
        assertThat(Checks.of(result, ImageMetadataRule.ID)).extracting(Finding::maskedValue)
                .contains("tEXt Author", "14");
        assertThat(Checks.of(result, "identifier.email")).hasSize(1);
    }

    @Test
    void theTypeComesFromTheContentNotTheName() throws IOException {
        FileCheckResult result = checks.one("table.csv", png());
        assertThat(result.detectedType()).isEqualTo("png");
        assertThat(Checks.of(result, FileTypeRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("although its name ends in .csv"));
    }

    @Test
    void unknownBinariesCannotBeCheckedAutomatically() {
        byte[] weights = new byte[4096];
        new java.util.Random(7).nextBytes(weights);
        FileCheckResult result = checks.one("model.safetensors", weights);
        assertThat(result.detectedType()).isEqualTo("unknown");
        assertThat(result.status()).isEqualTo(CheckStatus.REVIEW);
        assertThat(Checks.of(result, FileTypeRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("cannot be checked automatically"));
    }

    @Test
    void aTypeTheProjectDoesNotAllowFails() {
        DisclosurePolicy csvOnly = new DisclosurePolicy(11, ZeroRule.REVIEW, 2, 90, 10, 10, EnumSet.of(FileType.CSV),
                false, List.of());
        FileCheckResult result = checks.policy(csvOnly).one("notes.txt", "du texte libre");
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void textShapesAreTold() {
        ChecksEngine engine = checks.checker();
        assertThat(engine.detectType("{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8))).isEqualTo("json");
        assertThat(engine.detectType("a;b\n1;2\n3;4\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("csv");
        assertThat(engine.detectType("# Titre\n\ntexte\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("markdown");
        assertThat(engine.detectType("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("svg");
        assertThat(engine.detectType(("Bonjour, ceci est une phrase.\nEt une autre, plus longue que la première "
                + "pour que la virgule ne fasse pas un tableau.\n").getBytes(StandardCharsets.UTF_8))).isEqualTo("text");
        assertThat(engine.detectType("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("pdf");
        assertThat(engine.detectType(new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 9})).isEqualTo("unknown");
    }

    @Test
    void svgScriptsAndOutsideReferencesAreReview() {
        String svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://127.0.0.1:9/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><script>alert(1)</script>"
                + "<image xlink:href=\"http://127.0.0.1:9/x.png\"/><text>n = 4</text></svg>";
        FileCheckResult result = checks.one("plot.svg", svg);
        assertThat(result.detectedType()).isEqualTo("svg");
        assertThat(Checks.of(result, ActiveContentRule.ID)).hasSize(2);
        Checks.assertNoFindings(result, UnreadableRule.ID);
    }

    @Test
    void wronglyEncodedAndMalformedTextNeverCrashes() {
        byte[] latin1InUtf8Csv = "région;n\nÎle;40\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(checks.one("t.csv", latin1InUtf8Csv).detectedType()).isEqualTo("csv");
        FileCheckResult json = checks.one("r.json", "{\"a\": [1, 2, {\"b\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(json.status()).isEqualTo(CheckStatus.REVIEW);
        assertThat(Checks.of(json, UnreadableRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("JSON could not be parsed"));
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
