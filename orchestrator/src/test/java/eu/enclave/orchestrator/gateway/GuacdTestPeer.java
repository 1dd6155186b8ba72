package eu.enclave.orchestrator.gateway;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A guacd stand-in on loopback, speaking the Guacamole protocol over raw TCP: it answers {@code select} with
 * {@code args} ({@code VERSION_1_5_0} first, then the parameter names it accepts), reads the client's
 * {@code size}/{@code audio}/{@code video}/{@code image}/{@code timezone}/{@code name} and {@code connect}, answers
 * {@code ready}, draws a frame ({@code size}, {@code rect}+{@code cfill}, {@code sync}) and then records everything
 * the client sends, sending {@code nop} now and then as guacd does. Every handshake is kept, with the exact
 * connection parameters received.
 *
 * <p>A workspace whose {@code hostname} is {@link #UNREACHABLE_HOST} fails as guacd 1.6 fails when its VNC client
 * cannot reach the desktop (a name that does not resolve, a wrong VNC password): {@code ready} first, since guacd
 * answers the handshake before its VNC client tries, then {@code error} with {@link #UNREACHABLE_MESSAGE} and
 * status 519 (upstream not found), {@code disconnect}, and the connection closes; no frame is ever drawn.
 */
public final class GuacdTestPeer implements AutoCloseable {

    /** The parameter names the peer asks for, as guacd's VNC and RDP plugins would (a subset). */
    public static final List<String> ARGS = List.of("hostname", "port", "password", "username", "disable-copy",
            "disable-paste", "enable-drive", "enable-sftp", "enable-printing", "disable-audio", "enable-audio-input",
            "ignore-cert", "security", "recording-path", "recording-name", "create-recording-path", "read-only",
            "color-depth");
    public static final int FRAME_WIDTH = 640;
    /** The desktop address the peer cannot reach, as guacd could not reach a workspace that does not resolve. */
    public static final String UNREACHABLE_HOST = "desktop.unreachable.invalid";
    /** What guacd 1.6's VNC plugin says then (and for a wrong VNC password). */
    public static final String UNREACHABLE_MESSAGE = "Unable to connect to VNC server.";
    /** GUAC_PROTOCOL_STATUS_UPSTREAM_NOT_FOUND. */
    public static final String UPSTREAM_NOT_FOUND = "519";
    public static final int FRAME_HEIGHT = 400;

    private final ServerSocket server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean echo;
    private volatile CountDownLatch frames = new CountDownLatch(0);

    public GuacdTestPeer() throws IOException {
        server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "guacd-peer-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    /** When set, the peer answers each client instruction at once with a {@code sync} (for latency measurements). */
    public void echo(boolean on) {
        echo = on;
    }

    /** From now on, connections answer {@code ready} and then wait for {@link #releaseFrames()} to draw. */
    public void holdFrames() {
        frames = new CountDownLatch(1);
    }

    public void releaseFrames() {
        frames.countDown();
    }

    public int connectionCount() {
        return connections.size();
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    public Connection last() {
        return connections.get(connections.size() - 1);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Connection connection = new Connection(socket);
                connections.add(connection);
                Thread thread = new Thread(connection::serve, "guacd-peer-" + connections.size());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Connection c : connections) {
            c.socket.close();
        }
    }

    /** One client connection: its handshake, then what it sent. */
    public final class Connection {

        private final Socket socket;
        public volatile String selected;
        public final Map<String, String> parameters = new LinkedHashMap<>();
        public final Map<String, List<String>> handshake = new LinkedHashMap<>();
        public final BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
        public volatile boolean ended;
        private Writer out;

        Connection(Socket socket) {
            this.socket = socket;
        }

        private void serve() {
            try (socket) {
                Reader in = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8);
                out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                List<String> select = read(in);
                selected = select.get(1);
                List<String> args = new ArrayList<>(List.of("args", "VERSION_1_5_0"));
                args.addAll(ARGS);
                send(args);
                List<String> instruction;
                while (!(instruction = read(in)).get(0).equals("connect")) {
                    handshake.put(instruction.get(0), instruction.subList(1, instruction.size()));
                }
                for (int i = 0; i < ARGS.size(); i++) {
                    parameters.put(ARGS.get(i), instruction.get(i + 2)); // [connect, version, values...]
                }
                handshake.put("connect-version", List.of(instruction.get(1)));
                send(List.of("ready", "$peer-" + connections.size()));
                if (UNREACHABLE_HOST.equals(parameters.get("hostname"))) {
                    send(List.of("error", UNREACHABLE_MESSAGE, UPSTREAM_NOT_FOUND));
                    send(List.of("disconnect"));
                    return;
                }
                frames.await();
                drawFrame();
                Thread nops = new Thread(this::keepAlive, "guacd-peer-nop");
                nops.setDaemon(true);
                nops.start();
                while (true) {
                    List<String> got = read(in);
                    received.add(got);
                    if (echo) {
                        send(List.of("sync", Long.toString(System.currentTimeMillis())));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                // the client went away
            } finally {
                ended = true;
            }
        }

        private void drawFrame() throws IOException {
            send(List.of("size", "0", Integer.toString(FRAME_WIDTH), Integer.toString(FRAME_HEIGHT)));
            send(List.of("rect", "0", "0", "0", Integer.toString(FRAME_WIDTH), Integer.toString(FRAME_HEIGHT)));
            send(List.of("cfill", "14", "0", "32", "96", "160", "255"));
            send(List.of("rect", "0", "80", "80", "240", "160"));
            send(List.of("cfill", "14", "0", "240", "200", "40", "255"));
            send(List.of("sync", Long.toString(System.currentTimeMillis())));
        }

        private void keepAlive() {
            while (!ended) {
                try {
                    Thread.sleep(2000);
                    send(List.of("nop"));
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }

        /** Ends the connection from guacd's side, as when the desktop goes away. */
        public void close() throws IOException {
            socket.close();
        }

        /** Whatever the client sent after the handshake, waiting up to the timeout for the first matching one. */
        public List<String> awaitInstruction(String opcode, long millis) throws InterruptedException {
            long end = System.currentTimeMillis() + millis;
            List<String> got;
            while ((got = received.poll(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) != null) {
                if (got.get(0).equals(opcode)) {
                    return got;
                }
            }
            return null;
        }

        synchronized void send(List<String> elements) throws IOException {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < elements.size(); i++) {
                String element = elements.get(i);
                text.append(element.codePointCount(0, element.length())).append('.').append(element);
                text.append(i == elements.size() - 1 ? ';' : ',');
            }
            out.write(text.toString());
            out.flush();
        }

        private static List<String> read(Reader in) throws IOException {
            List<String> elements = new ArrayList<>();
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != '.') {
                    if (c < 0) {
                        throw new IOException("closed");
                    }
                    length = length * 10 + (c - '0');
                }
                StringBuilder element = new StringBuilder();
                for (int i = 0; i < length; ) {
                    int ch = in.read();
                    if (ch < 0) {
                        throw new IOException("closed");
                    }
                    element.append((char) ch);
                    if (!Character.isHighSurrogate((char) ch)) {
                        i++;
                    }
                }
                elements.add(element.toString());
                int end = in.read();
                if (end == ';') {
                    return elements;
                }
                if (end != ',') {
                    throw new IOException("bad instruction");
                }
            }
        }
    }
}
