package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.FileCheck;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.platform.disclosure.FileType;
import java.util.Locale;

/**
 * The type found from the content, never from the name: a type the checks do not understand (a binary, model
 * weights, an unknown format) is {@code review}, "cannot be checked automatically"; an understood type the project's
 * allow-list leaves out fails. A name whose extension says otherwise is said.
 */
public final class FileTypeRule implements FileCheck {

    public static final String ID = "type.content";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(FileType type) {
        return true;
    }

    @Override
    public void check(FileType type, FileRun run) {
        String name = run.displayName();
        if (type == null) {
            run.findings().add(ID, CheckStatus.REVIEW, run.at(Location.FILE), "unknown",
                    "The content is of no type the checks understand (binary, model weights, unknown format): "
                            + "it cannot be checked automatically.",
                    "Le contenu n'est d'aucun type que les contrôles comprennent (binaire, poids de modèle, "
                            + "format inconnu) : il ne peut pas être vérifié automatiquement.");
            return;
        }
        String said = mismatch(name, type);
        if (!run.policy().allowedTypes().contains(type)) {
            run.findings().add(ID, CheckStatus.FAIL, run.at(Location.FILE), type.id(),
                    "Files of type " + type.id() + " are not allowed for this project" + said + ".",
                    "Les fichiers de type " + type.id() + " ne sont pas autorisés pour ce projet" + said + ".");
        } else if (!said.isEmpty()) {
            run.findings().add(ID, CheckStatus.REVIEW, run.at(Location.FILE), type.id(),
                    "The content is " + type.id() + said + ".", "Le contenu est de type " + type.id() + said + ".");
        }
    }

    /** " although its name ends in .csv" when the extension names another type; else "". */
    private static String mismatch(String name, FileType type) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        FileType named = switch (ext) {
            case "csv" -> FileType.CSV;
            case "tsv", "tab" -> FileType.TSV;
            case "txt", "log", "out" -> FileType.TEXT;
            case "md" -> FileType.MARKDOWN;
            case "json" -> FileType.JSON;
            case "xlsx", "xlsm" -> FileType.XLSX;
            case "ods" -> FileType.ODS;
            case "pdf" -> FileType.PDF;
            case "png" -> FileType.PNG;
            case "jpg", "jpeg" -> FileType.JPEG;
            case "svg" -> FileType.SVG;
            case "zip" -> FileType.ZIP;
            case "tar" -> FileType.TAR;
            case "gz", "tgz" -> FileType.GZIP;
            default -> null;
        };
        boolean compatible = named == null || named == type
                || (named == FileType.TEXT && (type == FileType.CSV || type == FileType.TSV || type == FileType.MARKDOWN))
                || (named == FileType.CSV && (type == FileType.TSV || type == FileType.TEXT))
                || (named == FileType.TSV && (type == FileType.CSV || type == FileType.TEXT))
                || (named == FileType.MARKDOWN && type == FileType.TEXT);
        return compatible ? "" : " although its name ends in ." + ext;
    }
}
