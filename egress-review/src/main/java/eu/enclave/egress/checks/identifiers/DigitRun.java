package eu.enclave.egress.checks.identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run of digit groups in a text, separated by single spaces, dots or hyphens ({@code 06 12 34 56 78},
 * {@code 1 85 05 2A 006 084 36}), bounded by non-alphanumeric characters, and not part of a decimal number. The
 * identifier rules look at the groups' lengths, so that a NIR or a phone number is found in the layouts people
 * write them in, while a line of counts separated by spaces is not taken for one.
 *
 * @param text      the text the run is in
 * @param groups    each group's text (digits, and the A or B of Corsica after a 2)
 * @param separator the separator after each group but the last ({@code 0} after the last)
 * @param plus      whether a {@code +} stands right before the run (an international phone number)
 */
public record DigitRun(CharSequence text, List<String> groups, List<Character> separator, boolean plus) {

    /** Calls {@code each} for every run in {@code text}. */
    public static void find(CharSequence text, Consumer<DigitRun> each) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!digit(c) || (i > 0 && boundaryBlocked(text, i - 1, true))) {
                i++;
                if (digit(c)) {
                    while (i < n && (digit(text.charAt(i)) || Character.isLetter(text.charAt(i)))) {
                        i++;
                    }
                }
                continue;
            }
            boolean plus = i > 0 && text.charAt(i - 1) == '+';
            List<String> groups = new ArrayList<>(4);
            List<Character> separators = new ArrayList<>(4);
            int p = i;
            boolean broken = false;
            while (true) {
                int start = p;
                while (p < n && (digit(text.charAt(p)) || corsica(text, start, p))) {
                    p++;
                }
                groups.add(text.subSequence(start, p).toString());
                if (groups.size() > 12) {
                    broken = true;
                }
                if (p + 1 < n && separator(text.charAt(p)) && digit(text.charAt(p + 1))) {
                    separators.add(text.charAt(p));
                    p++;
                    continue;
                }
                break;
            }
            separators.add('\0');
            if (!broken && (p >= n || !boundaryBlocked(text, p, false))) {
                each.accept(new DigitRun(text, groups, separators, plus));
            }
            i = p;
            while (i < n && (digit(text.charAt(i)) || Character.isLetter(text.charAt(i)))) {
                i++;
            }
        }
    }

    /** The groups from {@code from} to {@code to} (exclusive) joined without separators. */
    public String compact(int from, int to) {
        StringBuilder out = new StringBuilder(16);
        for (int g = from; g < to; g++) {
            out.append(groups.get(g));
        }
        return out.toString();
    }

    /** The text of groups {@code from} to {@code to} as written, separators included. */
    public String written(int from, int to) {
        StringBuilder out = new StringBuilder(24);
        for (int g = from; g < to; g++) {
            out.append(groups.get(g));
            if (g + 1 < to) {
                out.append(separator.get(g));
            }
        }
        return out.toString();
    }

    /** Whether groups {@code from} to {@code to} are separated by one and the same character. */
    public boolean sameSeparator(int from, int to) {
        for (int g = from; g + 1 < to; g++) {
            if (!separator.get(g).equals(separator.get(from))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether group {@code g} stands apart from its neighbours: no dot or hyphen joins it to them, as in a decimal
     * ({@code 0.185…}) or a date ({@code 2024-06-12}).
     */
    public boolean isolated(int g) {
        boolean before = g == 0 || separator.get(g - 1) == ' ' || separator.get(g - 1) == '\u00a0'
                || separator.get(g - 1) == '\u202f';
        char after = separator.get(g);
        return before && (after == '\0' || after == ' ' || after == '\u00a0' || after == '\u202f');
    }

    public int size() {
        return groups.size();
    }

    public int length(int g) {
        return groups.get(g).length();
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '\u00a0' || c == '\u202f';
    }

    /** The A or B of Corsica's department, right after a 2 inside a group. */
    private static boolean corsica(CharSequence text, int start, int p) {
        char c = text.charAt(p);
        return (c == 'A' || c == 'B' || c == 'a' || c == 'b') && p > start && text.charAt(p - 1) == '2'
                && (p + 1 >= text.length() || !Character.isLetter(text.charAt(p + 1)));
    }

    /**
     * Whether the character at {@code at} (before or after a run) joins the run to a word or a number: a letter,
     * a digit, or a decimal separator with a digit beyond it (an underscore separates, as in file names).
     */
    private static boolean boundaryBlocked(CharSequence text, int at, boolean before) {
        char c = text.charAt(at);
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        if (c == '.' || c == ',') {
            int beyond = before ? at - 1 : at + 1;
            return beyond >= 0 && beyond < text.length() && digit(text.charAt(beyond));
        }
        return false;
    }
}
