package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.TextCheck;
import eu.enclave.egress.checks.engine.TextSignals;
import eu.enclave.egress.checks.identifiers.DigitRun;
import eu.enclave.platform.disclosure.FileType;

/**
 * French phone numbers as people write them: {@code 0612345678}, {@code 06 12 34 56 78} (one separator throughout:
 * space, dot or hyphen), {@code +33 6 12 34 56 78}, {@code +33612345678}, {@code 0033 6...}. A ten-digit number not
 * starting with 0 then 1–9, four pairs, or mixed separators is not taken for one.
 */
public final class PhoneRule implements TextCheck {

    public static final String ID = "identifier.phone";

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
        return signals.digits() >= 10;
    }

    @Override
    public void inspect(CharSequence text, Location location, FileRun run) {
        DigitRun.find(text, r -> {
            String found = national(r);
            if (found == null) {
                found = international(r);
            }
            if (found != null) {
                run.findings().addIdentifier(ID, CheckStatus.FAIL, location, found,
                        "A French phone number: a direct identifier.",
                        "Un numéro de téléphone français : un identifiant direct.");
            }
        });
    }

    private static String national(DigitRun r) {
        if (r.plus()) {
            return null;
        }
        for (int g = 0; g < r.size(); g++) {
            String group = r.groups().get(g);
            if (group.length() == 10 && leading(group) && r.isolated(g)) {
                return group;
            }
            if (group.length() == 2 && leading(group) && g + 5 <= r.size() && pairs(r, g + 1, g + 5)
                    && r.sameSeparator(g, g + 5) && (g + 5 == r.size() || r.length(g + 5) != 2)) {
                return r.compact(g, g + 5);
            }
        }
        return null;
    }

    private static String international(DigitRun r) {
        String first = r.groups().get(0);
        boolean prefixed = (r.plus() && first.startsWith("33")) || first.startsWith("0033");
        if (!prefixed) {
            return null;
        }
        String all = r.compact(0, r.size());
        String rest = all.substring(first.startsWith("0033") ? 4 : 2);
        if (rest.startsWith("0")) {
            rest = rest.substring(1);
        }
        return rest.length() == 9 && rest.charAt(0) >= '1' && rest.charAt(0) <= '9' ? "+33" + rest : null;
    }

    private static boolean leading(String group) {
        return group.charAt(0) == '0' && group.charAt(1) >= '1' && group.charAt(1) <= '9';
    }

    private static boolean pairs(DigitRun r, int from, int to) {
        for (int g = from; g < to; g++) {
            if (r.length(g) != 2) {
                return false;
            }
        }
        return true;
    }
}
