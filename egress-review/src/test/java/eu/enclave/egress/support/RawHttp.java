package eu.enclave.egress.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 by hand on a socket, for what a well-behaved client never sends: a body cut short, or a body the server
 * refuses while it is still being sent (the server answers, then closes; the answer is read all the same).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status line and what followed it, as far as the server wrote before closing. */
    public record Reply(int status, String text) {
    }

    /**
     * Sends {@code head} (request line and headers, CRLF-separated, without the blank line), then {@code body}
     * in the background, or only its first {@code sendBytes} when positive (then closes: a truncated body).
     */
    public static Reply send(int port, String head, InputStream body, long sendBytes) {
        return send(port, head, body, sendBytes, false);
    }

    /** As {@link #send(int, String, InputStream, long)}, the body chunked ({@code Transfer-Encoding: chunked}). */
    public static Reply sendChunked(int port, String head, InputStream body) {
        return send(port, head + "\r\nTransfer-Encoding: chunked", body, 0, true);
    }

    private static Reply send(int port, String head, InputStream body, long sendBytes, boolean chunked) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> copy(body, out, sendBytes, socket,
                    chunked));
            byte[] reply = socket.getInputStream().readAllBytes();
            sending.handle((ok, error) -> null).join();
            String text = new String(reply, StandardCharsets.UTF_8);
            return new Reply(text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(InputStream body, OutputStream out, long limit, Socket socket, boolean chunked) {
        byte[] buffer = new byte[1 << 16];
        long sent = 0;
        try {
            int n;
            while ((n = body.read(buffer)) > 0) {
                int len = limit > 0 ? (int) Math.min(n, limit - sent) : n;
                if (chunked) {
                    out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(buffer, 0, len);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                sent += len;
                if (limit > 0 && sent >= limit) {
                    out.flush();
                    socket.shutdownOutput();
                    return;
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException refusedMeanwhile) {
            // the server answered and closed before the body was all sent: its answer is read by the caller
        }
    }
}
