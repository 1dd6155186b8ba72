package eu.enclave.egress.checks.engine;

import eu.enclave.egress.checks.Location;

/**
 * Something a reader found in a file's structure rather than its visible content (a hidden sheet, a macro, a PDF
 * attachment, an EXIF field, an archive member's path). Readers report facts; {@link FactCheck}s judge them.
 *
 * @param detail what the reader can say about it (a sheet's name, an EXIF tag's name, a member's path)
 */
public record Fact(Kind kind, Location location, String detail, String detailFr) {

    public Fact(Kind kind, Location location, String detail) {
        this(kind, location, detail, detail);
    }

    public enum Kind {
        HIDDEN_SHEET, HIDDEN_ROWS, HIDDEN_COLUMNS, PIVOT_CACHE, EMBEDDED_OBJECT, COMMENT, DEFINED_NAME, EXTERNAL_LINK,
        MACRO, SPREADSHEET_IMAGE,
        PDF_ATTACHMENT, PDF_JAVASCRIPT, PDF_REVISIONS, PDF_HIDDEN_TEXT, PDF_IMAGE, PDF_ENCRYPTED, PDF_TEXT_NOT_TABLE,
        PDF_NO_TEXT,
        IMAGE, IMAGE_TEXT_CHUNK, IMAGE_TRAILING_BYTES, IMAGE_METADATA, SVG_EXTERNAL_REFERENCE, SVG_SCRIPT,
        ARCHIVE_MEMBER_PATH, ARCHIVE_NESTED, ARCHIVE_ENCRYPTED_MEMBER,
        /** the reader stopped: a limit, or content it cannot parse; the detail is the reason */
        UNREADABLE
    }
}
