package eu.enclave.egress.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            String text = readReply(socket.getInputStream());
            socket.close(); // ends the body still being sent, if any
            sending.handle((ok, error) -> null).join();
            return new Reply(text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status line, headers and body of one reply (by its Content-Length, chunks, or until the end). */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        String lower = headers.toLowerCase(Locale.ROOT);
        Matcher length = Pattern.compile("content-length: *(\\d+)").matcher(lower);
        byte[] body;
        if (length.find()) {
            body = in.readNBytes(Integer.parseInt(length.group(1)));
        } else if (lower.contains("transfer-encoding: chunked")) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                int n = size.isEmpty() ? 0 : Integer.parseInt(size.split(";")[0].strip(), 16);
                if (n == 0) {
                    break;
                }
                chunks.write(in.readNBytes(n));
                line(in);
            }
            body = chunks.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
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
