package eu.enclave.egress.checks.rules;

import static eu.enclave.egress.checks.CheckStatus.REVIEW;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.Fact.Kind;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.platform.disclosure.FileType;
import java.util.EnumSet;
import java.util.Map;

/**
 * A plot's pixels cannot be read by the checks: images (files, PDF pages' images, workbook pictures) are
 * {@code review} "images need a human look", unless the project's policy lets plots pass.
 */
public final class ImageReviewRule extends FactRule {

    public static final String ID = "image.review";

    public ImageReviewRule() {
        super(ID, EnumSet.of(FileType.PNG, FileType.JPEG, FileType.SVG, FileType.PDF, FileType.XLSX, FileType.ODS),
                Map.of(Kind.IMAGE, new Meaning(REVIEW, "Images need a human look (%s).",
                                "Les images demandent un regard humain (%s)."),
                        Kind.PDF_IMAGE, new Meaning(REVIEW, "The page has images (%s): images need a human look.",
                                "La page contient des images (%s) : les images demandent un regard humain."),
                        Kind.SPREADSHEET_IMAGE, new Meaning(REVIEW, "The workbook has pictures (%s): images need "
                                + "a human look.", "Le classeur contient des images (%s) : les images demandent "
                                + "un regard humain.")));
    }

    @Override
    CheckStatus status(Fact fact, FileRun run, CheckStatus byTable) {
        return run.policy().plotsMayPass() ? CheckStatus.PASS : byTable;
    }
}
