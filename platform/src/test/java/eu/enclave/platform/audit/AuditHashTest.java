package eu.enclave.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hash encoding is unambiguous: no two different entries encode alike, however characters move between
 * fields. A naive concatenation would give every pair below the same hash.
 */
class AuditHashTest {

    private static final Instant AT = Instant.parse("2026-11-23T08:00:00.123456Z");
    private static final String PREV = "ab".repeat(32);

    record Fields(Instant at, String actor, String action, String project, String target, String details,
                  String prev) {

        String hash() {
            return new AuditHash().of(at, actor, action, project, target, details, prev);
        }

        /** The naive encoding that the length prefixes exist to avoid. */
        String concatenated() {
            return at + actor + action + project + target + details + prev;
        }
    }

    static final Fields BASE = new Fields(AT, "alice", "project.created", "cohort", "project:cohort",
            "{\"title\":\"T\"}", PREV);

    static Stream<Arguments> pairsThatConcatenateAlike() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("actor|action", BASE, new Fields(AT, "alicep", "roject.created", "cohort",
                "project:cohort", "{\"title\":\"T\"}", PREV)));
        cases.add(Arguments.of("action|project", BASE, new Fields(AT, "alice", "project.create", "dcohort",
                "project:cohort", "{\"title\":\"T\"}", PREV)));
        cases.add(Arguments.of("project|target", BASE, new Fields(AT, "alice", "project.created", "cohortproject:",
                "cohort", "{\"title\":\"T\"}", PREV)));
        cases.add(Arguments.of("target|details", BASE, new Fields(AT, "alice", "project.created", "cohort",
                "project:cohort{", "\"title\":\"T\"}", PREV)));
        cases.add(Arguments.of("details|prevHash", new Fields(AT, "alice", "a", "p", "t", "{}", PREV),
                new Fields(AT, "alice", "a", "p", "t", "{}a", "b" + PREV.substring(2))));
        cases.add(Arguments.of("empty field vs its neighbour", new Fields(AT, "alice", "", "p", "t", "{}", PREV),
                new Fields(AT, "", "alice", "p", "t", "{}", PREV)));
        cases.add(Arguments.of("absent project vs empty project", new Fields(AT, "a", "b", null, "t", "{}", PREV),
                new Fields(AT, "a", "b", "", "t", "{}", PREV)));
        cases.add(Arguments.of("absent target vs the text 'null'", new Fields(AT, "a", "b", "p", null, "{}", PREV),
                new Fields(AT, "a", "b", "p", "null", "{}", PREV)));
        cases.add(Arguments.of("a field that contains a forged length prefix",
                new Fields(AT, "a\u0000\u0000\u0000\u0001b", "", "p", "t", "{}", PREV),
                new Fields(AT, "a", "b", "p", "t", "{}", PREV)));
        cases.add(Arguments.of("a multi-byte character moved across fields",
                new Fields(AT, "Ré", "mi", "p", "t", "{}", PREV), new Fields(AT, "R", "émi", "p", "t", "{}", PREV)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairsThatConcatenateAlike")
    void movingCharactersBetweenFieldsChangesTheHash(String name, Fields a, Fields b) {
        assertThat(a).isNotEqualTo(b);
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    @Test
    void theTableReallyHoldsNaiveCollisions() {
        long naiveCollisions = pairsThatConcatenateAlike()
                .filter(args -> ((Fields) args.get()[1]).concatenated().equals(((Fields) args.get()[2]).concatenated()))
                .count();
        assertThat(naiveCollisions).isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyFieldCountsIncludingTheTimeToTheMicrosecond() {
        List<Fields> variants = List.of(BASE,
                new Fields(AT.plusNanos(1_000), BASE.actor, BASE.action, BASE.project, BASE.target, BASE.details, PREV),
                new Fields(AT, "bob", BASE.action, BASE.project, BASE.target, BASE.details, PREV),
                new Fields(AT, BASE.actor, "project.updated", BASE.project, BASE.target, BASE.details, PREV),
                new Fields(AT, BASE.actor, BASE.action, "other", BASE.target, BASE.details, PREV),
                new Fields(AT, BASE.actor, BASE.action, BASE.project, "project:other", BASE.details, PREV),
                new Fields(AT, BASE.actor, BASE.action, BASE.project, BASE.target, "{\"title\":\"U\"}", PREV),
                new Fields(AT, BASE.actor, BASE.action, BASE.project, BASE.target, BASE.details, AuditHash.GENESIS));
        assertThat(variants.stream().map(Fields::hash).distinct()).hasSize(variants.size());
    }

    @Test
    void matchesTheDocumentedEncodingSoThatOthersCanReimplementIt() throws Exception {
        Fields f = new Fields(AT, "Rémi", "file.viewed", null, "file:x.csv", "{\"size\":12}", AuditHash.GENESIS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (String field : new String[] {"2026-11-23T08:00:00.123456Z", "Rémi", "file.viewed", null, "file:x.csv",
            "{\"size\":12}", "0".repeat(64)}) {
            writeField(out, field);
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));

        assertThat(f.hash()).isEqualTo(expected);
    }

    @Test
    void anInstanceCanBeReusedAndGivesTheSameAnswer() {
        AuditHash hash = new AuditHash();
        String first = hash.of(AT, "a", "b", "c", "d", "{}", PREV);
        hash.of(AT, "x", "y", null, null, "{\"long\":\"" + "z".repeat(10_000) + "\"}", PREV);

        assertThat(hash.of(AT, "a", "b", "c", "d", "{}", PREV)).isEqualTo(first);
    }

    /** 4-byte big-endian length of the UTF-8 bytes (-1 when absent), then the bytes. */
    private static void writeField(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
