package eu.enclave.orchestrator.gateway.web;

import eu.enclave.orchestrator.gateway.Admission;
import eu.enclave.orchestrator.gateway.DesktopSessionService;
import eu.enclave.orchestrator.gateway.Refusal;
import eu.enclave.platform.identity.CurrentUser;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.io.GuacamoleReader;
import org.apache.guacamole.io.GuacamoleWriter;
import org.apache.guacamole.net.GuacamoleTunnel;
import org.apache.guacamole.protocol.GuacamoleInstruction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open desktop: relays guacd to the browser on a thread of its own, and the browser to guacd on the WebSocket
 * container's thread; echoes the client's pings; closes both sides once, with one audited reason. Keeps the time of
 * the user's last input (anything but pings and frame acknowledgements) for the idle limit.
 *
 * <p>guacd answers {@code ready} before its VNC or RDP client has reached the desktop, so the session only counts
 * as connected (audited, reported as activity) once guacd has relayed the desktop's first frame, which ends with
 * {@code sync}. An {@code error} from guacd before that, or its end, means the desktop could not be reached: one
 * refusal is audited with guacd's message, the browser is closed with {@code desktop-unreachable}, and guacd's
 * {@code error} is not relayed (the page would take it for a lost network and try again).
 */
final class DesktopRelay {

    private static final Logger log = LoggerFactory.getLogger(DesktopRelay.class);
    /** Instructions of the tunnel itself (the UUID, pings) have an empty opcode: {@code 0.,...}. */
    private static final String INTERNAL = "0.,";
    private static final int FLUSH_CHARS = 8192;

    private final WebSocketSession browser;
    private final GuacamoleTunnel tunnel;
    private final Admission admission;
    private final CurrentUser user;
    private final DesktopSessionService sessions;
    private final Consumer<DesktopRelay> onClosed;
    private final long openedNanos = System.nanoTime();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Set once the first frame was relayed and the connection audited; read under this object's lock. */
    private boolean connected;
    private volatile long lastInputNanos = openedNanos;

    DesktopRelay(WebSocketSession browser, GuacamoleTunnel tunnel, Admission admission, CurrentUser user,
                 DesktopSessionService sessions, Consumer<DesktopRelay> onClosed) {
        this.browser = browser;
        this.tunnel = tunnel;
        this.admission = admission;
        this.user = user;
        this.sessions = sessions;
        this.onClosed = onClosed;
    }

    Admission admission() {
        return admission;
    }

    /** Whether the desktop was reached (its first frame relayed) and the session is still open. */
    synchronized boolean connected() {
        return connected && !closed.get();
    }

    CurrentUser user() {
        return user;
    }

    /** The tunnel's UUID goes to the browser before anything guacd says; then the guacd side starts. */
    void start(Executor executor) throws IOException {
        browser.sendMessage(new TextMessage(new GuacamoleInstruction("", tunnel.getUUID().toString()).toString()));
        executor.execute(this::relayToBrowser);
    }

    private void relayToBrowser() {
        GuacamoleReader reader = tunnel.acquireReader();
        CloseReason reason = CloseReason.WORKSPACE_ENDED;
        try {
            String unreachable = relayFirstFrameOrWhyNot(reader);
            if (unreachable != null) {
                refuse(unreachable);
                return;
            }
            StringBuilder pending = new StringBuilder(FLUSH_CHARS);
            char[] chunk;
            while ((chunk = reader.read()) != null) {
                pending.append(chunk);
                if (pending.length() >= FLUSH_CHARS || !reader.available()) {
                    browser.sendMessage(new TextMessage(pending.toString()));
                    pending.setLength(0);
                }
            }
        } catch (GuacamoleException | IOException | IllegalStateException e) {
            if (!closed.get()) {
                log.debug("desktop session {} ended on the guacd side: {}", admission.sessionId(), e.toString());
                reason = CloseReason.UPSTREAM_ERROR;
            }
        } finally {
            tunnel.releaseReader();
        }
        close(reason);
    }

    private String relayFirstFrameOrWhyNot(GuacamoleReader reader) {
        try {
            return relayFirstFrame(reader);
        } catch (GuacamoleException | IOException | IllegalStateException e) {
            log.debug("desktop session {} failed before its first frame: {}", admission.sessionId(), e.toString());
            return "the connection to guacd failed before the desktop's first frame";
        }
    }

    /**
     * Relays instruction by instruction up to the first {@code sync}, then marks the session connected; returns
     * null then, or guacd's reason why the desktop could not be reached.
     */
    private String relayFirstFrame(GuacamoleReader reader) throws GuacamoleException, IOException {
        GuacamoleInstruction instruction;
        while ((instruction = reader.readInstruction()) != null) {
            if ("error".equals(instruction.getOpcode())) {
                return instruction.getArgs().isEmpty() ? "guacd reported an error" : instruction.getArgs().get(0);
            }
            browser.sendMessage(new TextMessage(instruction.toString()));
            if ("sync".equals(instruction.getOpcode())) {
                markConnected();
                return null;
            }
        }
        return "guacd closed the connection before the desktop's first frame";
    }

    private synchronized void markConnected() {
        if (!closed.get()) {
            sessions.connected(user, admission);
            connected = true;
        }
    }

    /** The desktop could not be reached: nothing was opened, one refusal is audited with guacd's message. */
    private void refuse(String message) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeBoth(TunnelHandler.closeStatus(Refusal.DESKTOP_UNREACHABLE));
        try {
            sessions.unreachable(user, admission, message);
        } catch (RuntimeException e) {
            log.warn("could not record the refusal of desktop session {}: {}", admission.sessionId(), e.toString());
        } finally {
            onClosed.accept(this);
        }
    }

    void fromBrowser(String message) throws GuacamoleException, IOException {
        if (message.startsWith(INTERNAL)) {
            if (message.startsWith(INTERNAL + "4.ping,")) {
                browser.sendMessage(new TextMessage(message));
            }
            return; // other tunnel-internal instructions are not for guacd
        }
        if (!message.startsWith("4.sync,") && !message.startsWith("3.nop;")) {
            lastInputNanos = System.nanoTime();
        }
        GuacamoleWriter writer = tunnel.acquireWriter();
        try {
            writer.write(message.toCharArray());
        } finally {
            tunnel.releaseWriter();
        }
    }

    /** Closes the session if it outlived the project's maximum length or its user left it idle too long. */
    void enforceLimits(long nowNanos) {
        if (nowNanos - openedNanos >= admission.settings().maxSession().toNanos()) {
            close(CloseReason.MAX_SESSION);
        } else if (nowNanos - lastInputNanos >= admission.settings().idleTimeout().toNanos()) {
            close(CloseReason.IDLE);
        }
    }

    /** Ends the session; a connection that never showed the desktop was no session, and leaves no entry. */
    void close(CloseReason reason) {
        boolean wasConnected;
        synchronized (this) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            wasConnected = connected;
        }
        closeBoth(new CloseStatus(reason.webSocketCode(), reason.code()));
        try {
            if (wasConnected) {
                sessions.disconnected(user, admission, reason.code());
            }
        } catch (RuntimeException e) {
            // e.g. the database is already gone while the server stops; the session is closed all the same
            log.warn("could not record the end of desktop session {}: {}", admission.sessionId(), e.toString());
        } finally {
            onClosed.accept(this);
        }
    }

    private void closeBoth(CloseStatus status) {
        try {
            tunnel.close();
        } catch (GuacamoleException e) {
            log.debug("closing guacd connection of {}: {}", admission.sessionId(), e.toString());
        }
        try {
            if (browser.isOpen()) {
                browser.close(status);
            }
        } catch (IOException e) {
            log.debug("closing browser side of {}: {}", admission.sessionId(), e.toString());
        }
    }
}
