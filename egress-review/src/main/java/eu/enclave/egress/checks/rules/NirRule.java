package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.TextCheck;
import eu.enclave.egress.checks.engine.TextSignals;
import eu.enclave.egress.checks.identifiers.DigitRun;
import eu.enclave.egress.checks.identifiers.Nir;
import eu.enclave.platform.disclosure.FileType;

/**
 * French social security numbers (NIR) with a valid key, written whole ({@code 185057800608436}), with the key
 * apart ({@code 1850578006084 36}) or in the usual groups ({@code 1 85 05 78 006 084 36}). A verified NIR fails the
 * file and asks for one more approving reviewer.
 */
public final class NirRule implements TextCheck {

    public static final String ID = "identifier.nir";
    private static final int[] GROUPED = {1, 2, 2, 2, 3, 3, 2};

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(FileType type) {
        return Types.in(Types.TEXTUAL, type);
    }

    @Override
    public boolean wants(TextSignals signals) {
        return signals.digits() >= 11;
    }

    @Override
    public void inspect(CharSequence text, Location location, FileRun run) {
        DigitRun.find(text, r -> {
            for (int g = 0; g < r.size(); g++) {
                if (r.length(g) == 15 && r.isolated(g)) {
                    report(r.compact(g, g + 1), location, run);
                } else if (r.length(g) == 13 && g + 1 < r.size() && r.length(g + 1) == 2 && r.isolated(g)
                        && r.isolated(g + 1)) {
                    report(r.compact(g, g + 2), location, run);
                } else if (grouped(r, g)) {
                    report(r.compact(g, g + GROUPED.length), location, run);
                }
            }
        });
    }

    private static boolean grouped(DigitRun r, int from) {
        if (from + GROUPED.length > r.size()) {
            return false;
        }
        for (int i = 0; i < GROUPED.length; i++) {
            if (r.length(from + i) != GROUPED[i]) {
                return false;
            }
        }
        return true;
    }

    private static void report(String compact, Location location, FileRun run) {
        if (Nir.valid(compact)) {
            run.findings().markVerifiedDirectIdentifier();
            run.findings().addIdentifier(ID, CheckStatus.FAIL, location, compact,
                    "A French social security number (NIR) with a valid key: a direct identifier never leaves. "
                            + "Releasing this file would need one more approving reviewer.",
                    "Un numéro de sécurité sociale (NIR) à clé valide : un identifiant direct ne sort jamais. "
                            + "Libérer ce fichier demanderait un approbateur de plus.");
        }
    }
}
