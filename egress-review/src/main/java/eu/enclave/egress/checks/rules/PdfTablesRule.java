package eu.enclave.egress.checks.rules;

import static eu.enclave.egress.checks.CheckStatus.REVIEW;

import eu.enclave.egress.checks.engine.Fact.Kind;
import eu.enclave.platform.disclosure.FileType;
import java.util.Map;
import java.util.Set;

/**
 * Tables in a PDF's text are checked where the heuristic of docs/checks.md finds them; a page with figures it
 * could not read as a table, or with no text layer at all, is {@code review}: "tables not parsed".
 */
public final class PdfTablesRule extends FactRule {

    public static final String ID = "pdf.tables";

    public PdfTablesRule() {
        super(ID, Set.of(FileType.PDF), Map.of(
                Kind.PDF_TEXT_NOT_TABLE, new Meaning(REVIEW, "Tables not parsed: the page has figures (%s) that "
                        + "were not found in a table the checks can read.", "Tableaux non analysés : la page a des "
                        + "nombres (%s) qui ne forment pas un tableau que les contrôles savent lire."),
                Kind.PDF_NO_TEXT, new Meaning(REVIEW, "Tables not parsed: the PDF has no text layer (%s), only "
                        + "images or drawings.", "Tableaux non analysés : le PDF n'a pas de couche texte (%s), "
                        + "seulement des images ou des dessins.")));
    }
}
