package eu.enclave.egress.checks.table;

import java.util.Locale;
import java.util.Set;

/**
 * Reads a cell's text as a number, a suppression mark or text, without exceptions and without a regex (it runs on
 * every cell of a 2 GB table). French spreadsheets write {@code 1 234,5} (a space, no-break space or narrow no-break
 * space between thousands, a decimal comma); with {@code decimalComma} false a comma separates thousands only when
 * followed by exactly three digits.
 */
public final class CellParser {

    /** Marks that statistical offices and spreadsheets use for a masked cell. */
    static final Set<String> SUPPRESSION_MARKS = Set.of("*", "**", "***", "ns", "n.s.", "s", "x", "c", "nd", "n.d.",
            "..", "...", "secret", "masque", "masqué", "supp", "suppressed", "<5", "< 5", "<10", "< 10", "<11",
            "< 11", "1-10", "[1-10]", "1 à 10", "≤10", "<=10", "na*");

    private final boolean decimalComma;

    public CellParser(boolean decimalComma) {
        this.decimalComma = decimalComma;
    }

    /** Parses {@code text} into {@code row}'s slot {@code i}. */
    public void parse(String text, Row row, int i) {
        row.texts[i] = text;
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        if (start == end) {
            row.kinds[i] = CellKind.EMPTY;
            return;
        }
        if (number(text, start, end, row, i)) {
            return;
        }
        row.kinds[i] = suppression(text, start, end) ? CellKind.SUPPRESSED : CellKind.TEXT;
    }

    private boolean number(String s, int start, int end, Row row, int i) {
        boolean negative = false;
        int p = start;
        char first = s.charAt(p);
        if (first == '-' || first == '+' || first == '\u2212') {
            negative = first != '+';
            p++;
            if (p == end) {
                return false;
            }
        }
        long integer = 0;
        int digits = 0;
        int groupDigits = -1;
        boolean grouped = false;
        for (; p < end; p++) {
            char c = s.charAt(p);
            if (c >= '0' && c <= '9') {
                if (digits >= 18) {
                    return false;
                }
                integer = integer * 10 + (c - '0');
                digits++;
                if (groupDigits >= 0) {
                    groupDigits++;
                }
            } else if ((c == ' ' || c == '\u00a0' || c == '\u202f' || (!decimalComma && c == ','))
                    && digits > 0 && (groupDigits < 0 ? digits <= 3 : groupDigits == 3)) {
                if (!decimalComma && c == ',' && !threeDigitsFollow(s, p, end)) {
                    return false;
                }
                grouped = true;
                groupDigits = 0;
            } else {
                break;
            }
        }
        if (digits == 0 || (grouped && groupDigits != 3 && p == end)) {
            return false;
        }
        if (p == end) {
            row.kinds[i] = CellKind.INTEGER;
            row.ints[i] = negative ? -integer : integer;
            row.decimals[i] = row.ints[i];
            return true;
        }
        char separator = s.charAt(p);
        if (separator != '.' && separator != ',') {
            return false;
        }
        if (separator == ',' && !decimalComma && grouped) {
            return false;
        }
        long fraction = 0;
        int fractionDigits = 0;
        boolean nonZeroFraction = false;
        for (p++; p < end; p++) {
            char c = s.charAt(p);
            if (c < '0' || c > '9') {
                return false;
            }
            if (fractionDigits >= 15) {
                nonZeroFraction |= c != '0';
                continue;
            }
            fraction = fraction * 10 + (c - '0');
            fractionDigits++;
            nonZeroFraction |= c != '0';
        }
        if (fractionDigits == 0) {
            return false;
        }
        return decimal(negative, integer, fraction, fractionDigits, nonZeroFraction, row, i);
    }

    private static boolean decimal(boolean negative, long integer, long fraction, int fractionDigits,
                                   boolean nonZeroFraction, Row row, int i) {
        double value = integer + fraction / Math.pow(10, fractionDigits);
        value = negative ? -value : value;
        if (!nonZeroFraction) {
            row.kinds[i] = CellKind.INTEGER;
            row.ints[i] = negative ? -integer : integer;
        } else {
            row.kinds[i] = CellKind.DECIMAL;
        }
        row.decimals[i] = value;
        return true;
    }

    private static boolean threeDigitsFollow(String s, int p, int end) {
        int digits = 0;
        for (int q = p + 1; q < end && Character.isDigit(s.charAt(q)); q++) {
            digits++;
        }
        return digits == 3;
    }

    private static boolean suppression(String s, int start, int end) {
        if (end - start > 12) {
            return false;
        }
        String mark = s.substring(start, end).toLowerCase(Locale.ROOT);
        if (SUPPRESSION_MARKS.contains(mark)) {
            return true;
        }
        // "<11", "< 5", "≤ 10": a bound instead of the value
        char c = mark.charAt(0);
        return (c == '<' || c == '≤') && mark.length() <= 6 && mark.chars().skip(1)
                .allMatch(ch -> ch == ' ' || ch == '=' || Character.isDigit(ch));
    }
}
