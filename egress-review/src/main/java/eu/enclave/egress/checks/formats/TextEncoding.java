package eu.enclave.egress.checks.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of a text file from its first bytes: a byte-order mark says it (UTF-8, UTF-16); otherwise UTF-8
 * when the bytes are valid UTF-8, else Windows-1252, which French spreadsheets write (and which decodes any byte,
 * so a wrongly encoded file is still read and checked).
 */
public final class TextEncoding {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextEncoding() {
    }

    /** The charset and the length of the byte-order mark to skip. */
    public record Detected(Charset charset, int bom) {
    }

    public static Detected of(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        return new Detected(validUtf8(head) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
    }

    /** Whether the bytes are UTF-8, allowing a sequence cut at the very end of the head. */
    static boolean validUtf8(byte[] head) {
        int end = head.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xc0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (head[end - back - 1] & 0xc0) == 0xc0) {
            end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    public static String decode(byte[] head, Detected detected) {
        return new String(head, detected.bom(), head.length - detected.bom(), detected.charset());
    }
}
