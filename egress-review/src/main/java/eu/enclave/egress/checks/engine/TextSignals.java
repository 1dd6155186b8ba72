package eu.enclave.egress.checks.engine;

/**
 * What one pass over a text tells cheaply, so that each text rule can skip text it cannot match (most cells of a
 * large table are short numbers).
 *
 * @param digits  how many ASCII digits
 * @param at      whether it has an {@code @}
 * @param letters whether it has a letter
 */
public record TextSignals(int length, int digits, boolean at, boolean letters) {

    public static TextSignals of(CharSequence text) {
        int digits = 0;
        boolean at = false;
        boolean letters = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '@') {
                at = true;
            } else if (!letters && Character.isLetter(c)) {
                letters = true;
            }
        }
        return new TextSignals(length, digits, at, letters);
    }
}
