package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.table.ContributorEvidence;
import eu.enclave.egress.checks.table.TableScan;
import java.math.BigDecimal;

/**
 * The p % rule: a magnitude cell fails when the total minus its two largest contributions is less than p % of the
 * largest (p = 10 by default): the second largest contributor could estimate the largest too closely.
 */
public final class PPercentRule extends EvidenceRule {

    public static final String ID = "table.p-percent";

    @Override
    public String id() {
        return ID;
    }

    @Override
    String notAssessedEn() {
        return "The p % rule";
    }

    @Override
    String notAssessedFr() {
        return "La règle du p %";
    }

    @Override
    Verdict judge(ContributorEvidence.Cell cell, TableScan table) {
        if (cell.negatives() != null && cell.negatives().signum() > 0) {
            return null; // reported once, by the N-K rule
        }
        if (cell.sum() == null || cell.top().size() < 2 || cell.top().get(0) == null || cell.top().get(1) == null) {
            return new Verdict(CheckStatus.REVIEW, null,
                    "The evidence lacks the sum or the two largest contributions (top1, top2).",
                    "Le fichier de contrôle n'a pas la somme ou les deux plus grandes contributions (top1, top2).");
        }
        int p = table.policy().pPercent();
        BigDecimal rest = cell.sum().subtract(cell.top().get(0)).subtract(cell.top().get(1));
        if (rest.multiply(BigDecimal.valueOf(100)).compareTo(cell.top().get(0).multiply(BigDecimal.valueOf(p))) < 0) {
            return new Verdict(CheckStatus.FAIL, null,
                    "The total minus its two largest contributions is less than " + p
                            + " % of the largest: the second contributor could estimate the first.",
                    "Le total moins ses deux plus grandes contributions est inférieur à " + p
                            + " % de la plus grande : le deuxième contributeur pourrait estimer le premier.");
        }
        return null;
    }
}
