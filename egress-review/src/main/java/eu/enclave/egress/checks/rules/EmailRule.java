package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.TextCheck;
import eu.enclave.egress.checks.engine.TextSignals;
import eu.enclave.platform.disclosure.FileType;

/** E-mail addresses: a local part, {@code @}, and a domain with a dot and a top-level name of letters. */
public final class EmailRule implements TextCheck {

    public static final String ID = "identifier.email";

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
        return signals.at();
    }

    @Override
    public void inspect(CharSequence text, Location location, FileRun run) {
        for (int at = indexOf(text, 0); at >= 0; at = indexOf(text, at + 1)) {
            int start = at;
            while (start > 0 && local(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && domain(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && text.charAt(end - 1) == '.') {
                end--;
            }
            int lastDot = -1;
            for (int i = at + 1; i < end; i++) {
                if (text.charAt(i) == '.') {
                    lastDot = i;
                }
            }
            if (start < at && lastDot > at + 1 && lastDot < end - 2 && letters(text, lastDot + 1, end)) {
                run.findings().addIdentifier(ID, CheckStatus.FAIL, location, text.subSequence(start, end).toString(),
                        "An e-mail address: a direct identifier.", "Une adresse électronique : un identifiant direct.");
            }
        }
    }

    private static int indexOf(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '@') {
                return i;
            }
        }
        return -1;
    }

    private static boolean local(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean domain(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    private static boolean letters(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
