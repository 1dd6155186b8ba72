package eu.enclave.egress.checks.rules;

import static eu.enclave.egress.checks.CheckStatus.FAIL;
import static eu.enclave.egress.checks.CheckStatus.REVIEW;

import eu.enclave.egress.checks.engine.Fact.Kind;
import java.util.Map;

/**
 * What a workbook holds beyond its visible cells: hidden sheets, rows and columns (read and checked like the
 * rest, and reported), pivot caches (they keep the raw records: fail), embedded objects, comments (their text is
 * checked too), defined names, external links and macros ({@code review}).
 */
public final class SpreadsheetHiddenContentRule extends FactRule {

    public static final String ID = "hidden.spreadsheet";

    public SpreadsheetHiddenContentRule() {
        super(ID, Types.SPREADSHEETS, Map.of(
                Kind.HIDDEN_SHEET, new Meaning(REVIEW, "A hidden sheet, '%s' (checked like the others).",
                        "Une feuille masquée, « %s » (vérifiée comme les autres)."),
                Kind.HIDDEN_ROWS, new Meaning(REVIEW, "Hidden rows: %s (checked like the others).",
                        "Des lignes masquées : %s (vérifiées comme les autres)."),
                Kind.HIDDEN_COLUMNS, new Meaning(REVIEW, "Hidden columns: %s (checked like the others).",
                        "Des colonnes masquées : %s (vérifiées comme les autres)."),
                Kind.PIVOT_CACHE, new Meaning(FAIL, "A pivot table cache (%s): it keeps the records the pivot "
                        + "table was built from.", "Un cache de tableau croisé (%s) : il garde les données "
                        + "individuelles dont le tableau a été tiré."),
                Kind.EMBEDDED_OBJECT, new Meaning(REVIEW, "An embedded object (%s), not checked.",
                        "Un objet incorporé (%s), non vérifié."),
                Kind.COMMENT, new Meaning(REVIEW, "Comments (%s): their text is checked like the cells.",
                        "Des commentaires (%s) : leur texte est vérifié comme les cellules."),
                Kind.DEFINED_NAME, new Meaning(REVIEW, "A defined name: %s.", "Un nom défini : %s."),
                Kind.EXTERNAL_LINK, new Meaning(REVIEW, "A link to another workbook or source (%s): it is fetched "
                        + "when the file is opened.", "Un lien vers un autre classeur ou une source (%s) : il est "
                        + "suivi à l'ouverture du fichier."),
                Kind.MACRO, new Meaning(REVIEW, "Macros (%s): code that runs in the reviewer's spreadsheet.",
                        "Des macros (%s) : du code qui s'exécute dans le tableur du vérificateur.")));
    }
}
