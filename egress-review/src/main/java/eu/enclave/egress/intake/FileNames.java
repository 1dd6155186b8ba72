package eu.enclave.egress.intake;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule every stored file name follows, so that a name is safe in the release package, on any reviewer's or
 * requester's computer, and in every page: one name (no path), normalised to NFC, at most 255 bytes of UTF-8, no
 * NUL, control, bidirectional or other invisible formatting character, no leading dot, not {@code .} or
 * {@code ..}, none of Windows' reserved names or characters, no trailing dot or space. Two names of a request may
 * not differ only by case ({@link #key}).
 */
public final class FileNames {

    public static final int MAX_BYTES = 255;
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])"
            + "(\\..*)?");
    private static final Set<Character> WINDOWS_FORBIDDEN = Set.of('<', '>', ':', '"', '|', '?', '*');

    private FileNames() {
    }

    /** The name in NFC, or why it is refused. */
    public static Result check(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Result.refused("is required");
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return Result.refused("must be a file name, not a path (no '/' or '\\')");
        }
        if (name.equals(".") || name.equals("..")) {
            return Result.refused("'" + name + "' is not a file name");
        }
        if (name.startsWith(".")) {
            return Result.refused("must not start with a dot (hidden files are not exported)");
        }
        Optional<String> character = badCharacter(name);
        if (character.isPresent()) {
            return Result.refused(character.get());
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Result.refused("is longer than " + MAX_BYTES + " bytes in UTF-8");
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            return Result.refused("must not end with a dot or a space");
        }
        if (WINDOWS_RESERVED.matcher(name).matches()) {
            return Result.refused("'" + name + "' is a reserved name on Windows");
        }
        return new Result(name, null);
    }

    /** What two names that differ only by case have in common: the uniqueness key of a request's current files. */
    public static String key(String normalized) {
        return normalized.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static Optional<String> badCharacter(String name) {
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            int type = Character.getType(c);
            String at = " at position " + (name.codePointCount(0, i) + 1);
            if (c == 0) {
                return Optional.of("must not contain a NUL character" + at);
            }
            if (type == Character.CONTROL) {
                return Optional.of("must not contain a control character (U+" + hex(c) + ")" + at);
            }
            if (isBidi(c)) {
                return Optional.of("must not contain a bidirectional control character (U+" + hex(c) + ")" + at);
            }
            if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.UNASSIGNED || type == Character.SURROGATE || type == Character.PRIVATE_USE) {
                return Optional.of("must not contain an invisible or unassigned character (U+" + hex(c) + ")" + at);
            }
            if (c < 0x80 && WINDOWS_FORBIDDEN.contains((char) c)) {
                return Optional.of("must not contain '" + (char) c + "' (reserved on Windows)");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static boolean isBidi(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }

    /** A name accepted (in NFC) or the reason it was refused. */
    public record Result(String name, String refusal) {

        static Result refused(String reason) {
            return new Result(null, reason);
        }

        public boolean accepted() {
            return refusal == null;
        }
    }
}
