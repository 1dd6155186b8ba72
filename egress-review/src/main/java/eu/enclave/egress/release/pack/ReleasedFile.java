package eu.enclave.egress.release.pack;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * One approved output, written as {@code outputs/<group>/<name>}: its expected size and SHA-256 (as recorded at
 * intake) are checked against the bytes read while the package is written.
 */
public record ReleasedFile(String group, String name, long size, String sha256, ContentSource content) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    // Control characters, and the bidirectional formatting ones that make a name read differently than it is.
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\\\/]");

    public ReleasedFile {
        checkSegment("group", group);
        checkSegment("name", name);
        if (size < 0) {
            throw new InvalidPackage("size of " + name + ": must not be negative");
        }
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new InvalidPackage("sha256 of " + name + ": 64 lower-case hexadecimal digits");
        }
        if (content == null) {
            throw new InvalidPackage("content of " + name + ": required");
        }
    }

    public String path() {
        return "outputs/" + group + "/" + name;
    }

    /** Refused here as well as at intake: a package never holds a name that escapes its folder or misleads. */
    private static void checkSegment(String field, String value) {
        if (value == null || value.isEmpty() || value.equals(".") || value.equals("..") || value.startsWith(".")) {
            throw new InvalidPackage(field + " '" + value + "': must be a plain name (not empty, no leading dot)");
        }
        if (UNSAFE.matcher(value).find()) {
            throw new InvalidPackage(field + " '" + value + "': no slash, backslash, control or bidirectional character");
        }
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            throw new InvalidPackage(field + " '" + value + "': must be in Unicode NFC");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new InvalidPackage(field + " '" + value + "': at most 255 bytes");
        }
    }
}
