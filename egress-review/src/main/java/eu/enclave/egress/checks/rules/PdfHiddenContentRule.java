package eu.enclave.egress.checks.rules;

import static eu.enclave.egress.checks.CheckStatus.REVIEW;

import eu.enclave.egress.checks.engine.Fact.Kind;
import java.util.Map;
import java.util.Set;

/**
 * What a PDF carries beyond its visible pages: attached files, JavaScript, earlier revisions kept by incremental
 * saves (what was "deleted" is still there), and invisible text: each {@code review}, named.
 */
public final class PdfHiddenContentRule extends FactRule {

    public static final String ID = "hidden.pdf";

    public PdfHiddenContentRule() {
        super(ID, Set.of(eu.enclave.platform.disclosure.FileType.PDF), Map.of(
                Kind.PDF_ATTACHMENT, new Meaning(REVIEW, "An attached file, '%s', not checked.",
                        "Un fichier joint, « %s », non vérifié."),
                Kind.PDF_JAVASCRIPT, new Meaning(REVIEW, "JavaScript (%s): it runs when the PDF is opened.",
                        "Du JavaScript (%s) : il s'exécute à l'ouverture du PDF."),
                Kind.PDF_REVISIONS, new Meaning(REVIEW, "Incremental revisions (%s saves): earlier content "
                        + "may still be in the file.", "Des révisions incrémentales (%s enregistrements) : un "
                        + "contenu antérieur peut rester dans le fichier."),
                Kind.PDF_HIDDEN_TEXT, new Meaning(REVIEW, "Invisible text (%s); it was checked like the rest.",
                        "Du texte invisible (%s) ; il a été vérifié comme le reste.")));
    }
}
