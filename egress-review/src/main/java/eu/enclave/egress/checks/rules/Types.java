package eu.enclave.egress.checks.rules;

import eu.enclave.platform.disclosure.FileType;
import java.util.EnumSet;
import java.util.Set;

/** The groups of detected types the rules apply to. */
final class Types {

    static final Set<FileType> TABLES = EnumSet.of(FileType.CSV, FileType.TSV, FileType.XLSX, FileType.ODS,
            FileType.PDF, FileType.MARKDOWN);
    static final Set<FileType> TEXTUAL = EnumSet.of(FileType.TEXT, FileType.CSV, FileType.TSV, FileType.MARKDOWN,
            FileType.JSON, FileType.XLSX, FileType.ODS, FileType.PDF, FileType.SVG);
    static final Set<FileType> SPREADSHEETS = EnumSet.of(FileType.XLSX, FileType.ODS);
    static final Set<FileType> IMAGES = EnumSet.of(FileType.PNG, FileType.JPEG, FileType.SVG);
    static final Set<FileType> ARCHIVES = EnumSet.of(FileType.ZIP, FileType.TAR, FileType.GZIP);
    static final Set<FileType> PROSE = EnumSet.of(FileType.TEXT, FileType.MARKDOWN, FileType.PDF);

    private Types() {
    }

    static boolean in(Set<FileType> types, FileType type) {
        return type != null && types.contains(type);
    }
}
