package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.table.ContributorEvidence;
import eu.enclave.egress.checks.table.TableScan;
import java.math.BigDecimal;

/** A magnitude cell made of fewer contributors than the minimum count fails, as a frequency cell would. */
public final class ContributorCountRule extends EvidenceRule {

    public static final String ID = "table.contributors";

    @Override
    public String id() {
        return ID;
    }

    @Override
    String notAssessedEn() {
        return "The number of contributors";
    }

    @Override
    String notAssessedFr() {
        return "Le nombre de contributeurs";
    }

    @Override
    Verdict judge(ContributorEvidence.Cell cell, TableScan table) {
        int minimum = table.policy().minimumCount();
        if (cell.count() == null) {
            return new Verdict(CheckStatus.REVIEW, null, "The evidence does not give the cell's count.",
                    "Le fichier de contrôle ne donne pas l'effectif de la cellule.");
        }
        if (cell.count().signum() > 0 && cell.count().compareTo(BigDecimal.valueOf(minimum)) < 0) {
            return new Verdict(CheckStatus.FAIL, cell.count().toPlainString(),
                    "The cell's value comes from " + cell.count().toPlainString() + " contributors, fewer than "
                            + minimum + ".",
                    "La valeur de la cellule provient de " + cell.count().toPlainString() + " contributeurs, moins de "
                            + minimum + ".");
        }
        return null;
    }
}
