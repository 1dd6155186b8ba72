package eu.enclave.egress.checks.identifiers;

/**
 * The French social security number (NIR): 13 characters and a 2-digit key. The first digit is the sex or status
 * (1, 2; 3 and 4 for persons being registered; 7 and 8 for temporary numbers), then year, month, department (Corsica
 * {@code 2A}, {@code 2B}), commune, order; key = 97 − (number mod 97), where Corsica's 2A and 2B count as 19 and 18.
 * Verifying the key means random digits are rejected 96 times in 97.
 */
public final class Nir {

    private Nir() {
    }

    /**
     * Whether {@code compact} (15 characters, no separators) is a NIR with a valid key. Month 01–12, or the
     * 20–42 and 50–99 ranges used for unknown or special months.
     */
    public static boolean valid(CharSequence compact) {
        if (compact.length() != 15) {
            return false;
        }
        char sex = compact.charAt(0);
        if (sex != '1' && sex != '2' && sex != '3' && sex != '4' && sex != '7' && sex != '8') {
            return false;
        }
        long number = 0;
        for (int i = 0; i < 13; i++) {
            char c = compact.charAt(i);
            int digit;
            if (i == 6 && compact.charAt(5) == '2' && (c == 'A' || c == 'a' || c == 'B' || c == 'b')) {
                // 2A -> 19, 2B -> 18: the "2" already added must become "1", then the letter's digit
                number = number - 2 + 1;
                digit = (c == 'A' || c == 'a') ? 9 : 8;
            } else if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else {
                return false;
            }
            number = number * 10 + digit;
        }
        int month = (compact.charAt(3) - '0') * 10 + (compact.charAt(4) - '0');
        if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || (month >= 50 && month <= 99))) {
            return false;
        }
        char k1 = compact.charAt(13);
        char k2 = compact.charAt(14);
        if (k1 < '0' || k1 > '9' || k2 < '0' || k2 > '9') {
            return false;
        }
        int key = (k1 - '0') * 10 + (k2 - '0');
        return key == 97 - (number % 97);
    }

    /** The key of a 13-character NIR body (for tests and for building examples). */
    public static int key(String body) {
        String digits = body.toUpperCase().replace("2A", "19").replace("2B", "18");
        return (int) (97 - (Long.parseLong(digits) % 97));
    }
}
