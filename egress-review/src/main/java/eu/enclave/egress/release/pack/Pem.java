package eu.enclave.egress.release.pack;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PEM block (RFC 7468) with the optional {@code Name: value} lines that may precede it, which tools such as
 * {@code openssl} ignore: Enclave keeps a key's id and validity there, beside the key.
 */
record Pem(String label, byte[] der, Map<String, String> attributes) {

    static Pem parse(String text, String expectedLabel, String source) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String begin = "-----BEGIN " + expectedLabel + "-----";
        String end = "-----END " + expectedLabel + "-----";
        int start = text.indexOf(begin);
        int stop = text.indexOf(end);
        if (start < 0 || stop < start) {
            throw new InvalidKey(source + ": no '" + begin + "' block");
        }
        for (String line : text.substring(0, start).split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                attributes.put(line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.substring(start + begin.length(), stop));
            return new Pem(expectedLabel, der, attributes);
        } catch (IllegalArgumentException e) {
            throw new InvalidKey(source + ": the " + expectedLabel + " block is not base64");
        }
    }

    static String format(String label, byte[] der, Map<String, String> attributes) {
        StringBuilder text = new StringBuilder();
        attributes.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.append("-----BEGIN ").append(label).append("-----\n")
                .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der))
                .append("\n-----END ").append(label).append("-----\n").toString();
    }
}
