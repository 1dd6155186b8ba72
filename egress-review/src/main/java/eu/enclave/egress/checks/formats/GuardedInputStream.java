package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.engine.Deadline;
import eu.enclave.egress.checks.engine.LimitExceeded;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every byte a reader takes passes here: the deadline is checked on each read and the stream refuses to give more
 * than its limit, so that neither a slow parser nor an endless input can hold the checker.
 */
public class GuardedInputStream extends FilterInputStream {

    private final Deadline deadline;
    private final long limit;
    private final String what;
    private long read;

    public GuardedInputStream(InputStream in, Deadline deadline, long limit, String what) {
        super(in);
        this.deadline = deadline;
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        deadline.check();
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        deadline.check();
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        deadline.check();
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    public long bytesRead() {
        return read;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new LimitExceeded("size", what + " is larger than " + limit + " bytes",
                    what + " dépasse " + limit + " octets");
        }
    }
}
