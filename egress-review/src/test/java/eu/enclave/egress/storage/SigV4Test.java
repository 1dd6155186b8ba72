package eu.enclave.egress.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test peer's own SigV4 implementation against the four examples AWS publishes for S3 ("Examples: Signature
 * calculations in AWS Signature Version 4", Authenticating Requests: Using the Authorization Header).
 */
class SigV4Test {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String DATE = "20130524T000000Z";
    private static final String SCOPE = "20130524/us-east-1/s3/aws4_request";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    record Example(String name, SigV4.Request request, List<String> signed, String signature) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Example> examples() {
        String put = SigV4.hex(SigV4.sha256("Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8)));
        return List.of(
                new Example("GET Object", request("GET", "/test.txt", null, EMPTY, "Range", "bytes=0-9"),
                        List.of("host", "range", "x-amz-content-sha256", "x-amz-date"),
                        "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
                new Example("PUT Object", request("PUT", "/test%24file.text", null, put,
                        "Date", "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class", "REDUCED_REDUNDANCY"),
                        List.of("date", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-storage-class"),
                        "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"),
                new Example("GET Bucket Lifecycle", request("GET", "/", "lifecycle", EMPTY),
                        List.of("host", "x-amz-content-sha256", "x-amz-date"),
                        "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"),
                new Example("GET Bucket (List Objects)", request("GET", "/", "max-keys=2&prefix=J", EMPTY),
                        List.of("host", "x-amz-content-sha256", "x-amz-date"),
                        "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void matchesThePublishedSignature(Example example) {
        String canonical = SigV4.canonicalRequest(example.request(), example.signed());
        String signature = SigV4.signature(SECRET, "20130524", "us-east-1", "s3",
                SigV4.stringToSign(DATE, SCOPE, canonical));

        assertThat(signature).isEqualTo(example.signature());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void anyChangeToTheRequestChangesTheSignature(Example example) {
        SigV4.Request original = example.request();
        SigV4.Request changed = new SigV4.Request(original.method(), original.rawPath() + "x", original.rawQuery(),
                original.headers(), original.payloadHash());
        String signature = SigV4.signature(SECRET, "20130524", "us-east-1", "s3",
                SigV4.stringToSign(DATE, SCOPE, SigV4.canonicalRequest(changed, example.signed())));

        assertThat(signature).isNotEqualTo(example.signature());
    }

    private static SigV4.Request request(String method, String path, String query, String payloadHash,
            String... extraHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("examplebucket.s3.amazonaws.com"));
        headers.put("x-amz-date", List.of(DATE));
        headers.put("x-amz-content-sha256", List.of(payloadHash));
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.put(extraHeaders[i], List.of(extraHeaders[i + 1]));
        }
        return new SigV4.Request(method, path, query, headers, payloadHash);
    }
}
