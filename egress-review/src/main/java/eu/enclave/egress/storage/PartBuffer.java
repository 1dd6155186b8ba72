package eu.enclave.egress.storage;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one multipart part, held in 1 MiB chunks that are allocated as they fill and reused for the next
 * part: a small upload costs little memory, a large one at most one part. Writes past the part size go to the
 * next part, after {@code full} has sent this one.
 */
final class PartBuffer extends OutputStream {

    static final int CHUNK = 1 << 20;

    interface Sender {
        void send(PartBuffer part) throws java.io.IOException;
    }

    private final int partSize;
    private final Sender full;
    private final List<byte[]> chunks = new ArrayList<>();
    private int length;

    PartBuffer(int partSize, Sender full) {
        this.partSize = partSize;
        this.full = full;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    @Override
    public void write(int b) throws java.io.IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
        while (len > 0) {
            int chunk = length / CHUNK;
            if (chunk == chunks.size()) {
                chunks.add(new byte[CHUNK]);
            }
            int at = length % CHUNK;
            int n = Math.min(len, Math.min(CHUNK - at, partSize - length));
            System.arraycopy(b, off, chunks.get(chunk), at, n);
            length += n;
            off += n;
            len -= n;
            if (length == partSize) {
                full.send(this);
                length = 0;
            }
        }
    }

    /** A fresh reader of the bytes held now; the SDK opens one per attempt (and one more to sign over http). */
    InputStream reader() {
        int size = length;
        return new InputStream() {
            private int position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                int b = chunks.get(position / CHUNK)[position % CHUNK] & 0xff;
                position++;
                return b;
            }

            @Override
            public int read(byte[] into, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = Math.min(len, Math.min(size - position, CHUNK - position % CHUNK));
                System.arraycopy(chunks.get(position / CHUNK), position % CHUNK, into, off, n);
                position += n;
                return n;
            }
        };
    }
}
