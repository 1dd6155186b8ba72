package eu.enclave.orchestrator.cluster.web;

import eu.enclave.orchestrator.cluster.status.ClusterStatusChangedElsewhere;
import eu.enclave.orchestrator.cluster.status.ClusterStatusSaved;
import eu.enclave.orchestrator.project.ProjectStatusChanged;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The portal's open live-status streams (Server-Sent Events), by project. A stream carries no status itself,
 * only "this project's cluster status changed": the page then fetches the block through the same access check
 * as the page. Each person may hold a bounded number of streams; a stream ends after a while (the browser
 * reconnects, and the access check runs again), and a heartbeat finds the streams whose reader went away.
 */
@Component
public class ClusterStatusStreams {

    static final String EVENT = "cluster-status";

    private final int maxPerUser;
    private final long timeoutMillis;
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    /**
     * Writes to the streams, so that a reader that stopped reading can block only this thread, never the
     * reconcile worker or the request that saved a status, nor the scheduler that runs the periodic jobs.
     */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cluster-status-streams");
        thread.setDaemon(true);
        return thread;
    });
    /** Serialises the per-person count check with the addition, so that parallel requests cannot exceed it. */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private record Stream(String slug, String username, SseEmitter emitter) {
    }

    ClusterStatusStreams(@Value("${enclave.portal.live-status.max-streams-per-user:4}") int maxPerUser,
                         @Value("${enclave.portal.live-status.stream-timeout:PT10M}") Duration timeout) {
        this.maxPerUser = maxPerUser;
        this.timeoutMillis = timeout.toMillis();
    }

    /** A new stream of the project's changes for this person; empty when they already hold the most allowed. */
    Optional<SseEmitter> open(String slug, String username) {
        synchronized (locks.computeIfAbsent(username, u -> new Object())) {
            if (streams.stream().filter(s -> s.username().equals(username)).count() >= maxPerUser) {
                return Optional.empty();
            }
            SseEmitter emitter = new SseEmitter(timeoutMillis);
            Stream stream = new Stream(slug, username, emitter);
            emitter.onCompletion(() -> streams.remove(stream));
            emitter.onTimeout(() -> streams.remove(stream));
            emitter.onError(e -> streams.remove(stream));
            streams.add(stream);
            return Optional.of(emitter);
        }
    }

    /** How many streams are open now, all projects and people together. */
    public int openStreams() {
        return streams.size();
    }

    void closeAll() {
        streams.forEach(stream -> stream.emitter().complete());
        streams.clear();
    }

    /**
     * Before the web server stops: its graceful shutdown waits for open requests, which a stream is until it
     * ends. The browsers see their streams end, and reconnect to another replica or once this one is back.
     */
    @EventListener(ContextClosedEvent.class)
    void shutdown() {
        sender.shutdownNow();
        closeAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onStatusSaved(ClusterStatusSaved saved) {
        publish(saved.slug(), saved.state().name());
    }

    /** A project just activated, suspended or archived shows "in progress" or "no namespace" at once. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onProjectStatusChanged(ProjectStatusChanged change) {
        publish(change.slug(), "");
    }

    /** Told by another replica (through PostgreSQL): the page fetches the block, which reads what is stored. */
    @EventListener
    void onChangedElsewhere(ClusterStatusChangedElsewhere change) {
        publish(change.slug(), "");
    }

    private void publish(String slug, String state) {
        String data = "{\"project\":\"" + slug + "\",\"state\":\"" + state + "\"}"; // a slug needs no escaping
        inBackground(() -> streams.stream().filter(stream -> stream.slug().equals(slug)).forEach(
                stream -> send(stream, SseEmitter.event().name(EVENT).data(data, MediaType.APPLICATION_JSON))));
    }

    /** Proxies and the server drop idle connections; a comment line keeps them open and finds dead readers. */
    @Scheduled(fixedDelayString = "${enclave.portal.live-status.heartbeat:PT25S}")
    void heartbeat() {
        inBackground(() -> streams.forEach(stream -> send(stream, SseEmitter.event().comment("heartbeat"))));
    }

    /** After shutdown began, nothing is sent; the committed change that asked for it must not fail for that. */
    private void inBackground(Runnable sending) {
        try {
            sender.execute(sending);
        } catch (RejectedExecutionException shuttingDown) {
            // the streams are being closed
        }
    }

    private void send(Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            streams.remove(stream);
            stream.emitter().completeWithError(gone);
        }
    }
}
