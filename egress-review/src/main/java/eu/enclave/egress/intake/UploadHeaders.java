package eu.enclave.egress.intake;

import eu.enclave.platform.web.Problems.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata of an upload, sent as headers beside the raw body (docs/egress.md): {@code Enclave-Group},
 * {@code Enclave-Description} (percent-encoded UTF-8, so that any text fits a header), {@code Enclave-Supporting}
 * ({@code true} or {@code false}), and optionally {@code Content-Digest} (RFC 9530, {@code sha-256=:<base64>:}),
 * which the stored bytes must match. Absent headers are null: the declaration of the file, if any, fills them.
 */
public record UploadHeaders(long contentLength, String group, String description, Boolean supporting,
                            String sha256) {

    public static final String GROUP = "Enclave-Group";
    public static final String DESCRIPTION = "Enclave-Description";
    public static final String SUPPORTING = "Enclave-Supporting";
    public static final String DIGEST = "Content-Digest";
    private static final Pattern SHA256_DIGEST = Pattern.compile("(?:^|,)\\s*sha-256=:([A-Za-z0-9+/=]+):");

    public static UploadHeaders from(HttpServletRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String group = decoded(request, GROUP, problems);
        String description = decoded(request, DESCRIPTION, problems);
        Boolean supporting = null;
        String flag = request.getHeader(SUPPORTING);
        if (flag != null) {
            switch (flag.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> supporting = true;
                case "false" -> supporting = false;
                default -> problems.add(new FieldProblem(SUPPORTING, "must be true or false"));
            }
        }
        String sha256 = null;
        String digest = request.getHeader(DIGEST);
        if (digest != null) {
            Matcher m = SHA256_DIGEST.matcher(digest);
            byte[] bytes = null;
            if (m.find()) {
                try {
                    bytes = Base64.getDecoder().decode(m.group(1));
                } catch (IllegalArgumentException e) {
                    bytes = null;
                }
            }
            if (bytes == null || bytes.length != 32) {
                problems.add(new FieldProblem(DIGEST, "must hold sha-256=:<base64 of the 32-byte SHA-256>:"));
            } else {
                sha256 = HexFormat.of().formatHex(bytes);
            }
        }
        if (!problems.isEmpty()) {
            throw IntakeProblem.invalid(problems);
        }
        return new UploadHeaders(request.getContentLengthLong(), group, description, supporting, sha256);
    }

    private static String decoded(HttpServletRequest request, String header, List<FieldProblem> problems) {
        String value = request.getHeader(header);
        if (value == null) {
            return null;
        }
        String text = percentDecoded(value);
        if (text == null) {
            problems.add(new FieldProblem(header, "must be percent-encoded UTF-8 (RFC 3986)"));
        }
        return text;
    }

    /** Strict RFC 3986 decoding of UTF-8 ({@code +} is a plus); null when the text is not valid. */
    static String percentDecoded(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    return null;
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c >= 0x20 && c < 0x7f) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
