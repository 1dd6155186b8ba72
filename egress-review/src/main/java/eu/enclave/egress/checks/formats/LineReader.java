package eu.enclave.egress.checks.formats;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text, each at most a number of characters: a longer line is handed over in pieces, so that a file
 * without line breaks is read in constant memory.
 */
final class LineReader {

    private final Reader reader;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private final int maxChars;
    private int pos;
    private int len;
    private long number;
    private boolean pendingCr;

    LineReader(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** The next line (or piece of one) without its line break, or null at the end. */
    String next() throws IOException {
        line.setLength(0);
        while (true) {
            if (pos == len) {
                len = reader.read(buffer);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (line.length() == 0) {
                        return null;
                    }
                    number++;
                    return line.toString();
                }
            }
            char c = buffer[pos++];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                pendingCr = c == '\r';
                number++;
                return line.toString();
            }
            line.append(c);
            if (line.length() >= maxChars) {
                number++;
                return line.toString();
            }
        }
    }

    /** The number of the line last returned, from 1. */
    long number() {
        return number;
    }
}
