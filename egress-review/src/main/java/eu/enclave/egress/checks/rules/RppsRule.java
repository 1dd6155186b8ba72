package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.TextCheck;
import eu.enclave.egress.checks.engine.TextSignals;
import eu.enclave.egress.checks.identifiers.DigitRun;
import eu.enclave.egress.checks.identifiers.Luhn;
import eu.enclave.platform.disclosure.FileType;

/** Health professionals' RPPS numbers: 11 digits beginning with 1, the last a Luhn check digit. */
public final class RppsRule implements TextCheck {

    public static final String ID = "identifier.rpps";

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
                String group = r.groups().get(g);
                if (group.length() == 11 && group.charAt(0) == '1' && !r.plus() && r.isolated(g) && Luhn.valid(group)) {
                    run.findings().markVerifiedDirectIdentifier();
                    run.findings().addIdentifier(ID, CheckStatus.FAIL, location, group,
                            "A health professional's RPPS number (valid check digit): a direct identifier. "
                                    + "Releasing this file would need one more approving reviewer.",
                            "Un numéro RPPS de professionnel de santé (clé de Luhn valide) : un identifiant direct. "
                                    + "Libérer ce fichier demanderait un approbateur de plus.");
                }
            }
        });
    }
}
