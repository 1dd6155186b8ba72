package eu.enclave.orchestrator.bench;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CRUD mock's dispatcher, counting what reaches the API server and the time the server spends handling it
 * (from the parsed request to the built response: its HTTP framing and socket I/O are not included).
 */
class CountingDispatcher extends KubernetesMixedDispatcher {

    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final Set<Long> threads = ConcurrentHashMap.newKeySet();

    CountingDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations) {
        super(expectations);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        threads.add(Thread.currentThread().getId());
        long start = System.nanoTime();
        try {
            return super.dispatch(request);
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
            (isWrite(request.getMethod()) ? writes : reads).incrementAndGet();
        }
    }

    /** Anything but a read changes the cluster: POST, PUT, PATCH, DELETE. */
    static boolean isWrite(String method) {
        return !("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)
                || "OPTIONS".equalsIgnoreCase(method));
    }

    /** Ids of the threads the server handled requests on. */
    Set<Long> threads() {
        return threads;
    }

    Counts counts() {
        return new Counts(reads.get(), writes.get(), nanos.get());
    }

    /** Requests handled so far; subtract two to get what happened in between. */
    record Counts(long reads, long writes, long serverNanos) {

        Counts since(Counts before) {
            return new Counts(reads - before.reads, writes - before.writes, serverNanos - before.serverNanos);
        }

        long requests() {
            return reads + writes;
        }
    }
}
