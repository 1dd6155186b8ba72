package eu.enclave.orchestrator.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * When objects were first seen on the API server in a wanted state, from a watch (an informer on the benchmark's
 * own client): one long-lived connection instead of polling, so that waiting adds no requests. The time is when
 * the watch event arrived, a little after the object was stored, so latencies measured with it are upper bounds.
 */
final class ArrivalTimes<T extends HasMetadata> implements AutoCloseable {

    private static final long POLL_NANOS = 100_000;

    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Predicate<T> wanted;
    private final SharedIndexInformer<T> informer;

    ArrivalTimes(Informable<T> objects, Predicate<T> wanted) {
        this.wanted = wanted;
        this.informer = objects.inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                arrived(object);
            }

            @Override
            public void onUpdate(T before, T after) {
                arrived(after);
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
            }
        }, 0);
    }

    private void arrived(T object) {
        if (wanted.test(object)) {
            seen.putIfAbsent(object.getMetadata().getNamespace() + "/" + object.getMetadata().getName(),
                    System.nanoTime());
        }
    }

    /** The {@link System#nanoTime()} at which {@code namespace/name} was first seen as wanted; waits up to 60 s. */
    long await(String namespace, String name) {
        String key = namespace + "/" + name;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Long at = seen.get(key);
            if (at != null) {
                return at;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(key + " did not appear within 60 s");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    @Override
    public void close() {
        informer.close();
    }
}
