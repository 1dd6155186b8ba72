package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.table.ContributorEvidence;
import eu.enclave.egress.checks.table.TableScan;
import java.math.BigDecimal;

/**
 * N-K dominance: a magnitude cell fails when its n largest contributors make at least k % of it (n = 2, k = 90 by
 * default; exactly 90 % fails). Negative contributions make the rule meaningless: {@code review}.
 */
public final class NkDominanceRule extends EvidenceRule {

    public static final String ID = "table.nk-dominance";

    @Override
    public String id() {
        return ID;
    }

    @Override
    String notAssessedEn() {
        return "N-K dominance";
    }

    @Override
    String notAssessedFr() {
        return "La règle de dominance N-K";
    }

    @Override
    Verdict judge(ContributorEvidence.Cell cell, TableScan table) {
        int n = table.policy().nkN();
        int k = table.policy().nkK();
        if (cell.negatives() != null && cell.negatives().signum() > 0) {
            return new Verdict(CheckStatus.REVIEW, null,
                    "The cell has negative contributions: dominance rules cannot be assessed.",
                    "La cellule a des contributions négatives : les règles de dominance ne peuvent être évaluées.");
        }
        if (cell.sum() == null || cell.top().size() < n) {
            return new Verdict(CheckStatus.REVIEW, null,
                    "The evidence lacks the sum or the " + n + " largest contributions (top1..top" + n + ").",
                    "Le fichier de contrôle n'a pas la somme ou les " + n + " plus grandes contributions (top1..top"
                            + n + ").");
        }
        if (cell.sum().signum() <= 0) {
            return null;
        }
        BigDecimal largest = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            largest = largest.add(cell.top().get(i) == null ? BigDecimal.ZERO : cell.top().get(i));
        }
        // n largest >= k % of the total, in exact decimal arithmetic so that exactly 90 % fails
        if (largest.multiply(BigDecimal.valueOf(100)).compareTo(cell.sum().multiply(BigDecimal.valueOf(k))) >= 0) {
            BigDecimal share = largest.multiply(BigDecimal.valueOf(100))
                    .divide(cell.sum(), 1, java.math.RoundingMode.HALF_UP);
            return new Verdict(CheckStatus.FAIL, share.toPlainString() + " %",
                    "The " + n + " largest contributors make " + share.toPlainString() + " % of the cell (limit: "
                            + k + " %): the value discloses them.",
                    "Les " + n + " plus grands contributeurs font " + share.toPlainString() + " % de la cellule "
                            + "(limite : " + k + " %) : la valeur les révèle.");
        }
        return null;
    }
}
