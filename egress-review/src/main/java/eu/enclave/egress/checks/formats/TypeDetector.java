package eu.enclave.egress.checks.formats;

import eu.enclave.platform.disclosure.FileType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a file from its content only: Apache Tika's magic for binary formats, a look at the first zip
 * entries' names for workbooks, and for text the shape of the first lines (JSON, SVG, Markdown, delimited tables).
 * Never the name: a {@code .csv} that is a PNG is a PNG. Null when the bytes are none of the understood types.
 */
public final class TypeDetector {

    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();

    private TypeDetector() {
    }

    public static FileType detect(byte[] head) {
        if (head.length == 0) {
            return FileType.TEXT;
        }
        MediaType media;
        try {
            // no name is given: Tika must not guess from an extension
            media = MAGIC.detect(new ByteArrayInputStream(head), new Metadata());
        } catch (IOException e) {
            media = MediaType.OCTET_STREAM;
        }
        String type = media.getBaseType().toString();
        switch (type) {
            case "application/pdf":
                return FileType.PDF;
            case "image/png":
                return FileType.PNG;
            case "image/jpeg":
                return FileType.JPEG;
            case "image/svg+xml":
                return FileType.SVG;
            case "application/gzip", "application/x-gzip":
                return FileType.GZIP;
            case "application/x-tar", "application/x-gtar":
                return FileType.TAR;
            case "application/zip", "application/x-tika-ooxml", "application/x-tika-java-archive",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "application/vnd.oasis.opendocument.spreadsheet":
                return zip(head);
            default:
                break;
        }
        if (head.length > 2 && (head[0] & 0xff) == 0x50 && head[1] == 0x4b) {
            return zip(head);
        }
        boolean textual = type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml")
                || type.equals("application/json") || looksLikeText(head);
        return textual ? text(head) : null;
    }

    /** XLSX when an entry under {@code xl/} is named, ODS when the {@code mimetype} entry says a spreadsheet. */
    private static FileType zip(byte[] head) {
        String names = new String(head, StandardCharsets.ISO_8859_1);
        if (names.startsWith("mimetype", 30) && names.contains("application/vnd.oasis.opendocument.spreadsheet")) {
            return FileType.ODS;
        }
        if (names.contains("xl/workbook.xml") || (names.contains("[Content_Types].xml") && names.contains("xl/"))) {
            return FileType.XLSX;
        }
        return FileType.ZIP;
    }

    private static boolean looksLikeText(byte[] head) {
        TextEncoding.Detected encoding = TextEncoding.of(head);
        if (encoding.charset() != StandardCharsets.UTF_8 && encoding.bom() == 0) {
            // Windows-1252 decodes anything: text only if control bytes are rare
            int control = 0;
            for (byte b : head) {
                int c = b & 0xff;
                if (c < 0x09 || (c > 0x0d && c < 0x20) || c == 0x7f || c == 0x81 || c == 0x8d || c == 0x8f
                        || c == 0x90 || c == 0x9d) {
                    control++;
                }
            }
            return control * 100 < head.length;
        }
        String text = TextEncoding.decode(head, encoding);
        return text.chars().filter(c -> c < 0x09 || (c > 0x0d && c < 0x20)).count() * 100 < text.length() + 1;
    }

    private static FileType text(byte[] head) {
        String text = TextEncoding.decode(head, TextEncoding.of(head));
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            if (JsonShape.looksLikeJson(head)) {
                return FileType.JSON;
            }
        }
        String lower = start.length() > 4096 ? start.substring(0, 4096).toLowerCase(Locale.ROOT)
                : start.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("<?xml") || lower.startsWith("<svg") || lower.startsWith("<!--"))
                && lower.contains("<svg")) {
            return FileType.SVG;
        }
        if (markdown(text)) {
            return FileType.MARKDOWN;
        }
        CsvDialect dialect = CsvDialect.sniff(head);
        if (dialect != null) {
            return dialect.delimiter() == '\t' ? FileType.TSV : FileType.CSV;
        }
        return FileType.TEXT;
    }

    private static boolean markdown(String text) {
        String[] lines = text.split("\n", 200);
        int signs = 0;
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("# ") || l.startsWith("## ") || l.startsWith("### ") || l.startsWith("```")
                    || l.matches("\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)+\\|?")) {
                signs++;
            }
        }
        return signs > 0;
    }
}
