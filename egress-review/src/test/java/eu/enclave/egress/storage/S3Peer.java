package eu.enclave.egress.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test peer on the loopback interface that speaks the part of S3's REST API the blob store uses, path-style:
 * PUT (with {@code If-None-Match: *}), GET, HEAD and DELETE of an object; CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload, AbortMultipartUpload and ListMultipartUploads (paged). Like S3 it verifies every
 * request's Signature Version 4 with its own implementation ({@link SigV4}): credential scope, date within 15
 * minutes, signed {@code host}, {@code x-amz-date} and {@code x-amz-content-sha256}, the payload's hash when it is
 * signed; it answers a bad one with S3's error XML. It can be told to fail as a store does: a 500 on a part, a
 * connection cut in the middle of a part, a redirect.
 */
final class S3Peer implements AutoCloseable {

    static final String ACCESS_KEY = "AKIDENCLAVETEST";
    static final String SECRET_KEY = "enclave/test/secret+key/0123456789abcdef";
    static final String REGION = "eu-west-3";
    static final String BUCKET = "enclave-egress";
    private static final long MIN_PART = 5L << 20;
    private static final String SEEN = "enclave.seen";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");

    /** One request as the peer received it, and how it answered. */
    record Seen(String method, String path, String query, int status, String payloadHash) {
    }

    private record Upload(String key, Instant initiated, Map<Integer, byte[]> parts) {
    }

    private final HttpServer server;
    private final Clock clock;
    private final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger failParts = new AtomicInteger();
    private final AtomicInteger cutParts = new AtomicInteger();
    private volatile URI redirectTo;
    private volatile int listPageSize = 1000;

    S3Peer() throws IOException {
        this(Clock.systemUTC());
    }

    S3Peer(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Object keys and sizes held now. */
    Map<String, Integer> objects() {
        Map<String, Integer> sizes = new TreeMap<>();
        objects.forEach((key, value) -> sizes.put(key, value.length));
        return sizes;
    }

    byte[] object(String key) {
        return objects.get(key);
    }

    void putObject(String key, byte[] content) {
        objects.put(key, content);
    }

    int uploadsInProgress() {
        return uploads.size();
    }

    /** The next {@code n} UploadPart calls answer 500 InternalError. */
    void failParts(int n) {
        failParts.set(n);
    }

    /** The next {@code n} UploadPart calls read half the body, then drop the connection without an answer. */
    void cutParts(int n) {
        cutParts.set(n);
    }

    /** Every request is answered 301 with a Location on {@code target}, as a moved bucket is. */
    void redirectTo(URI target) {
        redirectTo = target;
    }

    void listPageSize(int size) {
        listPageSize = size;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = parseQuery(rawQuery);
        String payloadHash = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        exchange.setAttribute(SEEN, new Seen(method, rawPath, rawQuery, 0, payloadHash));
        try {
            if (method.equals("PUT") && query.containsKey("partNumber") && cutParts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                seen.add(new Seen(method, rawPath, rawQuery, -1, payloadHash));
                cut(exchange);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String refusal = verify(exchange, method, rawPath, rawQuery, body);
            if (refusal != null) {
                error(exchange, 403, refusal.startsWith("XAmz") ? "XAmzContentSHA256Mismatch"
                        : refusal.startsWith("Expired") ? "RequestTimeTooSkewed" : refusal.startsWith("Unknown")
                        ? "InvalidAccessKeyId" : "SignatureDoesNotMatch", refusal);
            } else if (redirectTo != null) {
                exchange.getResponseHeaders().add("Location", redirectTo.resolve(rawPath).toString());
                error(exchange, 301, "PermanentRedirect",
                        "The bucket you are attempting to access must be addressed using the specified endpoint.");
            } else {
                route(exchange, method, rawPath, query, body);
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "InternalError", "test peer: " + e);
        }
    }

    /** Recorded just before the answer leaves, so that a test sees every request its client saw answered. */
    private void answering(HttpExchange exchange, int status) {
        Seen draft = (Seen) exchange.getAttribute(SEEN);
        seen.add(new Seen(draft.method(), draft.path(), draft.query(), status, draft.payloadHash()));
    }

    /** The reason the request's signature is refused, or null when it is good. */
    private String verify(HttpExchange exchange, String method, String rawPath, String rawQuery, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher m = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (m == null || !m.matches()) {
            return "Malformed or missing Authorization header";
        }
        if (!m.group(1).equals(ACCESS_KEY)) {
            return "Unknown access key " + m.group(1);
        }
        String amzDate = exchange.getRequestHeaders().getFirst("x-amz-date");
        String payloadHash = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        List<String> signed = List.of(m.group(4).split(";"));
        if (amzDate == null || payloadHash == null || !signed.contains("host") || !signed.contains("x-amz-date")
                || !signed.contains("x-amz-content-sha256") || !signed.equals(signed.stream().sorted().toList())) {
            return "Signed headers must include host, x-amz-date and x-amz-content-sha256, sorted";
        }
        Instant when;
        try {
            when = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (RuntimeException e) {
            return "Malformed x-amz-date";
        }
        if (Duration.between(when, clock.instant()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
            return "Expired: the difference between the request time and the server's time is too large";
        }
        if (!m.group(2).equals(amzDate.substring(0, 8)) || !m.group(3).equals(REGION)) {
            return "Credential scope does not match the date or the region " + REGION;
        }
        if (payloadHash.startsWith("STREAMING-")) {
            return "Streaming (aws-chunked) payloads are not accepted by this peer";
        }
        if (!payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.equals(SigV4.hex(SigV4.sha256(body)))) {
            return "XAmzContentSHA256Mismatch: the provided x-amz-content-sha256 does not match the body";
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        SigV4.Request request = new SigV4.Request(method, rawPath, rawQuery, headers, payloadHash);
        String expected = SigV4.signature(SECRET_KEY, m.group(2), REGION, "s3", SigV4.stringToSign(amzDate,
                m.group(2) + "/" + REGION + "/s3/aws4_request", SigV4.canonicalRequest(request, signed)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(5).getBytes(StandardCharsets.US_ASCII))) {
            return "The request signature we calculated does not match the signature you provided";
        }
        return null;
    }

    private int route(HttpExchange exchange, String method, String rawPath, Map<String, String> query, byte[] body)
            throws IOException {
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!path.startsWith("/" + BUCKET)) {
            return error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
        }
        String key = path.length() > BUCKET.length() + 2 ? path.substring(BUCKET.length() + 2) : "";
        if (key.isEmpty()) {
            return method.equals("GET") && query.containsKey("uploads") ? listUploads(exchange, query)
                    : error(exchange, 501, "NotImplemented", "bucket operation not supported by the peer");
        }
        if (method.equals("POST") && query.containsKey("uploads")) {
            String id = UUID.randomUUID().toString();
            uploads.put(id, new Upload(key, clock.instant(), new ConcurrentHashMap<>()));
            return xml(exchange, 200, "<InitiateMultipartUploadResult><Bucket>" + BUCKET + "</Bucket><Key>" + escape(key)
                    + "</Key><UploadId>" + id + "</UploadId></InitiateMultipartUploadResult>");
        }
        if (query.containsKey("uploadId")) {
            return multipart(exchange, method, key, query, body);
        }
        return switch (method) {
            case "PUT" -> put(exchange, key, body);
            case "GET", "HEAD" -> get(exchange, method, key);
            case "DELETE" -> {
                objects.remove(key);
                yield empty(exchange, 204);
            }
            default -> error(exchange, 405, "MethodNotAllowed", "method not allowed");
        };
    }

    private int put(HttpExchange exchange, String key, byte[] body) throws IOException {
        if ("*".equals(exchange.getRequestHeaders().getFirst("If-None-Match")) && objects.putIfAbsent(key, body) != null) {
            return error(exchange, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
        }
        objects.put(key, body);
        exchange.getResponseHeaders().add("ETag", etag(body));
        return empty(exchange, 200);
    }

    private int get(HttpExchange exchange, String method, String key) throws IOException {
        byte[] content = objects.get(key);
        if (content == null) {
            if (method.equals("HEAD")) {
                return empty(exchange, 404);
            }
            return error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
        }
        exchange.getResponseHeaders().add("ETag", etag(content));
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        answering(exchange, 200);
        if (method.equals("HEAD")) {
            exchange.getResponseHeaders().add("Content-Length", Integer.toString(content.length));
            exchange.sendResponseHeaders(200, -1);
        } else {
            exchange.sendResponseHeaders(200, content.length == 0 ? -1 : content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        }
        exchange.close();
        return 200;
    }

    private int multipart(HttpExchange exchange, String method, String key, Map<String, String> query, byte[] body)
            throws IOException {
        Upload upload = uploads.get(query.get("uploadId"));
        if (upload == null || !upload.key().equals(key)) {
            return error(exchange, 404, "NoSuchUpload", "The specified multipart upload does not exist.");
        }
        switch (method) {
            case "PUT" -> {
                if (failParts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return error(exchange, 500, "InternalError", "We encountered an internal error. Please try again.");
                }
                int number = Integer.parseInt(query.get("partNumber"));
                if (number < 1 || number > 10_000) {
                    return error(exchange, 400, "InvalidArgument", "Part number must be an integer between 1 and 10000");
                }
                upload.parts().put(number, body);
                exchange.getResponseHeaders().add("ETag", etag(body));
                return empty(exchange, 200);
            }
            case "POST" -> {
                return complete(exchange, query.get("uploadId"), upload, new String(body, StandardCharsets.UTF_8));
            }
            case "DELETE" -> {
                uploads.remove(query.get("uploadId"));
                return empty(exchange, 204);
            }
            default -> {
                return error(exchange, 405, "MethodNotAllowed", "method not allowed");
            }
        }
    }

    private int complete(HttpExchange exchange, String id, Upload upload, String xml) throws IOException {
        Matcher parts = Pattern.compile("<Part>\\s*(?:<ETag>([^<]+)</ETag>\\s*<PartNumber>(\\d+)</PartNumber>|<PartNumber>(\\d+)</PartNumber>\\s*<ETag>([^<]+)</ETag>)\\s*</Part>")
                .matcher(xml);
        List<byte[]> chosen = new ArrayList<>();
        int previous = 0;
        while (parts.find()) {
            int number = Integer.parseInt(parts.group(2) != null ? parts.group(2) : parts.group(3));
            String tag = (parts.group(1) != null ? parts.group(1) : parts.group(4)).replace("&quot;", "\"");
            byte[] part = upload.parts().get(number);
            if (number <= previous) {
                return error(exchange, 400, "InvalidPartOrder", "The list of parts was not in ascending order.");
            }
            if (part == null || !etag(part).equals(tag)) {
                return error(exchange, 400, "InvalidPart", "One or more of the specified parts could not be found.");
            }
            chosen.add(part);
            previous = number;
        }
        if (chosen.isEmpty()) {
            return error(exchange, 400, "MalformedXML", "The XML you provided was not well-formed.");
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).length < MIN_PART) {
                return error(exchange, 400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.");
            }
        }
        int size = chosen.stream().mapToInt(p -> p.length).sum();
        byte[] content = new byte[size];
        int at = 0;
        for (byte[] part : chosen) {
            System.arraycopy(part, 0, content, at, part.length);
            at += part.length;
        }
        objects.put(upload.key(), content);
        uploads.remove(id);
        return xml(exchange, 200, "<CompleteMultipartUploadResult><Bucket>" + BUCKET + "</Bucket><Key>"
                + escape(upload.key()) + "</Key><ETag>" + escape(etag(content)) + "</ETag></CompleteMultipartUploadResult>");
    }

    private int listUploads(HttpExchange exchange, Map<String, String> query) throws IOException {
        String prefix = query.getOrDefault("prefix", "");
        String keyMarker = query.getOrDefault("key-marker", "");
        String idMarker = query.getOrDefault("upload-id-marker", "");
        List<Map.Entry<String, Upload>> sorted = uploads.entrySet().stream()
                .filter(e -> e.getValue().key().startsWith(prefix))
                .sorted((a, b) -> a.getValue().key().equals(b.getValue().key()) ? a.getKey().compareTo(b.getKey())
                        : a.getValue().key().compareTo(b.getValue().key()))
                .filter(e -> keyMarker.isEmpty() || e.getValue().key().compareTo(keyMarker) > 0
                        || (e.getValue().key().equals(keyMarker) && e.getKey().compareTo(idMarker) > 0))
                .toList();
        List<Map.Entry<String, Upload>> page = sorted.subList(0, Math.min(listPageSize, sorted.size()));
        boolean truncated = sorted.size() > page.size();
        StringBuilder xml = new StringBuilder("<ListMultipartUploadsResult><Bucket>" + BUCKET + "</Bucket><Prefix>")
                .append(escape(prefix)).append("</Prefix><MaxUploads>").append(listPageSize)
                .append("</MaxUploads><IsTruncated>").append(truncated).append("</IsTruncated>");
        if (truncated) {
            Map.Entry<String, Upload> last = page.get(page.size() - 1);
            xml.append("<NextKeyMarker>").append(escape(last.getValue().key())).append("</NextKeyMarker><NextUploadIdMarker>")
                    .append(last.getKey()).append("</NextUploadIdMarker>");
        }
        for (Map.Entry<String, Upload> e : page) {
            xml.append("<Upload><Key>").append(escape(e.getValue().key())).append("</Key><UploadId>").append(e.getKey())
                    .append("</UploadId><Initiated>").append(DateTimeFormatter.ISO_INSTANT.format(e.getValue().initiated()))
                    .append("</Initiated></Upload>");
        }
        return xml(exchange, 200, xml.append("</ListMultipartUploadsResult>").toString());
    }

    private void cut(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        long half = Long.parseLong(exchange.getRequestHeaders().getFirst("Content-Length")) / 2;
        in.readNBytes((int) Math.min(half, Integer.MAX_VALUE));
        // No response: the connection is closed under the client, as a crashed or partitioned store would.
        exchange.close();
    }

    private int error(HttpExchange exchange, int status, String code, String message) throws IOException {
        return xml(exchange, status, "<Error><Code>" + code + "</Code><Message>" + escape(message)
                + "</Message><RequestId>" + UUID.randomUUID() + "</RequestId></Error>");
    }

    private int xml(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        answering(exchange, status);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return status;
    }

    private int empty(HttpExchange exchange, int status) throws IOException {
        answering(exchange, status);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
        return status;
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static String etag(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static byte[] bytes(int size, int seed) {
        byte[] content = new byte[size];
        new java.util.Random(seed).nextBytes(content);
        return content;
    }
}
