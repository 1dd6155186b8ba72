package eu.enclave.platform.disclosure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of file the disclosure checks understand, as detected from content (never from the name). A
 * project's allow-list names some of them; anything else is "cannot be checked automatically". Written in lower
 * case in policies, the API and the database.
 */
public enum FileType {
    TEXT, CSV, TSV, MARKDOWN, JSON, XLSX, ODS, PDF, PNG, JPEG, SVG, ZIP, TAR, GZIP;

    /** Every understood type: the default allow-list. */
    public static final Set<FileType> UNDERSTOOD = Set.of(values());

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }

    public static Optional<FileType> parse(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(FileType::id).collect(Collectors.joining(", "));
    }
}
