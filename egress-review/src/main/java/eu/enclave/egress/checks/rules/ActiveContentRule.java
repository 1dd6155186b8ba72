package eu.enclave.egress.checks.rules;

import static eu.enclave.egress.checks.CheckStatus.REVIEW;

import eu.enclave.egress.checks.engine.Fact.Kind;
import eu.enclave.platform.disclosure.FileType;
import java.util.Map;
import java.util.Set;

/** SVG scripts and references to outside resources: opening the file would run code or call out. */
public final class ActiveContentRule extends FactRule {

    public static final String ID = "content.active";

    public ActiveContentRule() {
        super(ID, Set.of(FileType.SVG), Map.of(
                Kind.SVG_SCRIPT, new Meaning(REVIEW, "A script or event handler (%s): code that runs when the "
                        + "image is opened.", "Un script ou un gestionnaire d'événement (%s) : du code exécuté à "
                        + "l'ouverture de l'image."),
                Kind.SVG_EXTERNAL_REFERENCE, new Meaning(REVIEW, "A reference to an outside resource (%s): it is "
                        + "fetched when the image is opened (never by the checks).", "Une référence à une "
                        + "ressource extérieure (%s) : elle est chargée à l'ouverture de l'image (jamais par les "
                        + "contrôles).")));
    }
}
