package eu.enclave.egress.checks.identifiers;

/** The Luhn (mod 10) check that RPPS numbers carry in their last digit. */
public final class Luhn {

    private Luhn() {
    }

    public static boolean valid(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return digits.length() > 1 && sum % 10 == 0;
    }
}
